import { AppConfig } from '@relais/config';

/** Where a notice opens in Relais; access rules there decide what the reader sees. */
export function notificationLink(config: AppConfig, notificationId: string): string {
  const base = config.http.publicUrl ?? `http://${config.http.host}:${config.http.port}`;
  return `${base.replace(/\/$/, '')}/notifications/${notificationId}`;
}
