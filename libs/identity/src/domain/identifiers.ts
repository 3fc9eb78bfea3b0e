/** Luhn checksum, used by SIRET numbers (INSEE). */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function isValidSiret(value: string): boolean {
  return /^\d{14}$/.test(value) && luhnValid(value);
}

/** FINESS numbers: 9 characters, the department first (2A/2B for Corsica), a Luhn key last. */
export function isValidFiness(value: string): boolean {
  if (!/^(\d{2}|2A|2B)\d{7}$/.test(value)) return false;
  return luhnValid(value.replace('2A', '20').replace('2B', '20'));
}
