/** Where Alertmanager posts its webhook notifications (the `url` of a `webhook_config`), and where GET lists them. */
export const ALERTS_PATH = '/alerts';
