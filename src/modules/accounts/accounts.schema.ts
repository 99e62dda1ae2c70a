import { z } from "zod";

const email = z.string().trim().min(1).max(254).email();

/** The password policy: 12 to 200 characters, not the e-mail address (checked with it). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
const newPassword = z.string().min(1).min(PASSWORD_MIN).max(PASSWORD_MAX);

const notEmail = <T extends { email: string; password: string }>(d: T) =>
  d.password.toLowerCase() !== d.email.toLowerCase();
const repeated = <T extends { password: string; passwordRepeat: string }>(d: T) =>
  d.password === d.passwordRepeat;

export const loginForm = z.object({
  email,
  password: z.string().min(1).max(PASSWORD_MAX),
});

export const registerForm = z
  .object({
    name: z.string().trim().min(1).max(200),
    email,
    password: newPassword,
    passwordRepeat: z.string().min(1).max(PASSWORD_MAX),
  })
  .refine(notEmail, { path: ["password"], message: "accounts.error.passwordIsEmail" })
  .refine(repeated, { path: ["passwordRepeat"], message: "accounts.error.passwordRepeat" });

export const forgotForm = z.object({ email });

export const resetForm = z
  .object({
    token: z.string().min(1).max(200),
    password: newPassword,
    passwordRepeat: z.string().min(1).max(PASSWORD_MAX),
  })
  .refine(repeated, { path: ["passwordRepeat"], message: "accounts.error.passwordRepeat" });

export const codeForm = z.object({ code: z.string().trim().min(1).max(40) });

export const changePasswordForm = z
  .object({
    currentPassword: z.string().min(1).max(PASSWORD_MAX),
    password: newPassword,
    passwordRepeat: z.string().min(1).max(PASSWORD_MAX),
  })
  .refine(repeated, { path: ["passwordRepeat"], message: "accounts.error.passwordRepeat" });

export const totpConfirmForm = z.object({ totpCode: z.string().trim().min(1).max(20) });
export const disableTotpForm = z.object({ disablePassword: z.string().min(1).max(PASSWORD_MAX) });
export const revokeForm = z.object({ session: z.string().regex(/^[0-9a-f]{20}$/) });
