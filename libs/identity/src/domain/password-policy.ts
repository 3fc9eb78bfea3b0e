/**
 * CNIL recommendation for password-only authentication (délibération 2022-100): at least 12
 * characters mixing upper case, lower case, digits and special characters.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export function passwordProblems(password: string, personal: { email: string; lastName?: string }): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) {
    problems.push(`Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    problems.push(`Le mot de passe ne doit pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`);
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];
  if (!classes.every((pattern) => pattern.test(password))) {
    problems.push('Le mot de passe doit mêler minuscules, majuscules, chiffres et caractères spéciaux.');
  }
  const lowered = password.toLowerCase();
  const localPart = personal.email.split('@')[0]?.toLowerCase() ?? '';
  const lastName = personal.lastName?.toLowerCase() ?? '';
  if (
    (localPart.length >= 3 && lowered.includes(localPart)) ||
    (lastName.length >= 3 && lowered.includes(lastName))
  ) {
    problems.push('Le mot de passe ne doit contenir ni votre nom ni votre adresse e-mail.');
  }
  return problems;
}
