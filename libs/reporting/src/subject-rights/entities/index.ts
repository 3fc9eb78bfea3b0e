import { DataSubjectRequest } from './data-subject-request.entity';

export { DataSubjectRequest };

export const SUBJECT_RIGHTS_ENTITIES = [DataSubjectRequest];
