import { Button as AriaButton } from 'react-aria-components';
import type { ButtonProps as AriaButtonProps } from 'react-aria-components';

export interface ButtonProps extends Omit<AriaButtonProps, 'className'> {
  variant?: 'primary' | 'quiet';
}

export function Button({ variant = 'primary', ...props }: ButtonProps) {
  return <AriaButton className={`button button-${variant}`} {...props} />;
}
