// Configurations from the Ductape secrets guide (seed 002), the shapes our gateway accepts for apps and actions.

/** The multi-secret `apps.add` sample: references in variables and in auth data. */
export const multiServiceAppSample = {
  access_tag: 'multi_service_app',
  envs: [
    {
      app_env_slug: 'prd',
      product_env_slug: 'prd',
      variables: [
        { key: 'DB_HOST', value: '$Token{DATABASE_HOST}' },
        { key: 'DB_USER', value: '$Token{DATABASE_USER}' },
        { key: 'DB_PASS', value: '$Token{DATABASE_PASSWORD}' },
        { key: 'REDIS_URL', value: '$Token{REDIS_CONNECTION_STRING}' },
        { key: 'S3_KEY', value: '$Token{AWS_ACCESS_KEY}' },
        { key: 'S3_SECRET', value: '$Token{AWS_SECRET_KEY}' },
      ],
      auth: [
        {
          auth_tag: 'oauth',
          data: {
            client_id: '$Token{OAUTH_CLIENT_ID}',
            client_secret: '$Token{OAUTH_CLIENT_SECRET}',
          },
        },
      ],
    },
  ],
};

/** The `actions.run` input sample: references in custom headers. */
export const actionRunInputSample = {
  headers: {
    'X-API-Key': '$Token{CUSTOM_API_KEY}',
    'X-Webhook-Secret': '$Token{WEBHOOK_SIGNING_SECRET}',
    Authorization: 'Bearer $Token{STRIPE_KEY}',
  },
  body: { data: 'payload' },
};
