import { notifications } from '@mantine/notifications';

export function notifySuccess(title: string, message: string): void {
  notifications.show({ color: 'green', title, message, autoClose: 5000 });
}

/** Errors stay until dismissed: a clerk who looked away must still see that nothing was saved. */
export function notifyError(title: string, message: string): void {
  notifications.show({ color: 'red', title, message, autoClose: false });
}
