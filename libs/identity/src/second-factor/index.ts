export * from './entities';
export * from './second-factor-requirement';
export { SecretBox } from './secret-box';
export { otpauthUri, totpCodeAtStep, totpStepAt, TOTP_ISSUER } from './totp';
