import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { CSRF_HEADER, SESSION_COOKIE } from '@switchboard/contracts';
import { defaultMetadataStorage } from '@switchboard/platform';
import { CredentialHeaders } from '../auth/credential-headers.js';

/** Serves the OpenAPI page at `/docs` (JSON at `/docs/json`), describing the three credentials every call sends, or the session cookie. */
export function mountApiDocs(app: INestApplication): void {
  const document = new DocumentBuilder()
    .setTitle('Switchboard gateway')
    .setDescription('Register apps, connect them to products per env, and call their actions through one gateway.')
    .setVersion('1')
    .addApiKey({ type: 'apiKey', in: 'header', name: CredentialHeaders.WorkspaceId }, 'workspace_id')
    .addApiKey({ type: 'apiKey', in: 'header', name: CredentialHeaders.UserId }, 'user_id')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'The user private key' }, 'private_key')
    .addSecurityRequirements({ workspace_id: [], user_id: [], private_key: [] })
    // Or the cookie POST /v1/sessions sets; calls that change state then also send the session's CSRF token.
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, 'session')
    .addApiKey({ type: 'apiKey', in: 'header', name: CSRF_HEADER, description: 'The csrf_token of the session, on POST, PUT, PATCH and DELETE' }, 'csrf')
    .addSecurityRequirements({ session: [], csrf: [] })
    .build();
  const openApi = SwaggerModule.createDocument(app, document);
  // Body schemas come from the contracts' class-validator rules, so the docs cannot drift from validation.
  const contractSchemas = validationMetadatasToSchemas({ classTransformerMetadataStorage: defaultMetadataStorage, refPointerPrefix: '#/components/schemas/' });
  openApi.components = { ...openApi.components, schemas: { ...openApi.components?.schemas, ...contractSchemas } as never };
  SwaggerModule.setup('docs', app, openApi, { jsonDocumentUrl: 'docs/json' });
}
