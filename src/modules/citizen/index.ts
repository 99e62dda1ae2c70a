/**
 * Citizen account pages (Bürgerkonto) at `/konto/`: my applications across all municipalities
 * with status timeline and tasks, the postbox, profile (used by the portal for prefill), data
 * export and account deletion. Sign-in and security pages stay in `accounts`.
 */
export { type ApplicationSummary, applicationsOf, profileOf } from "./citizen.service.ts";
