# syntax=docker/dockerfile:1
# One image for every Switchboard service: `npm run build` compiles the TypeScript sources to dist/
# (SWC, as for `npm start`) and the services run on plain node, with no compiler in memory.
#
#   docker build -t switchboard .                          # runs the gateway by default
#   docker build -t switchboard-catalog --build-arg SERVICE=catalog .
#   docker run switchboard node dist/apps/catalog/src/main.js
#
# docker-compose.yml builds this image once and picks each service with `command:`.

ARG NODE_VERSION=24

# --- npm settings shared by the install stages: no telemetry calls from install scripts ---
FROM node:${NODE_VERSION}-bookworm AS npm
WORKDIR /app
ENV SCARF_ANALYTICS=false \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
COPY package.json package-lock.json ./

# --- build: every dependency, then the sources compiled to dist/ ---
FROM npm AS build
RUN --mount=type=cache,target=/root/.npm \
    npm ci
COPY tsconfig.base.json tsconfig.json nx.json ./
COPY libs ./libs
COPY apps ./apps
COPY tools ./tools
RUN npm run build

# --- dependencies: production only ---
FROM npm AS deps
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev

# --- runtime ---
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ARG SERVICE=gateway
# V8 flags shared with `npm start` (SERVICE_NODE_FLAGS in libs/local-infra/src/workspace-build.ts, which says why).
ENV NODE_ENV=production \
    SERVICE=${SERVICE} \
    NODE_OPTIONS=--max-semi-space-size=4
WORKDIR /app

# Code and dependencies stay owned by root, so the service user cannot rewrite them.
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY --from=build /app/dist ./dist

# The `node` user (uid 1000) ships with the official image.
USER node

# Only the gateway listens on HTTP; the other services talk over NATS.
EXPOSE 3000

# A shell expands SERVICE (from the build arg or `-e SERVICE=...`) to pick the entry point; `exec` keeps node as
# the process that receives SIGTERM for a graceful shutdown (run with an init, e.g. compose `init: true`).
CMD ["/bin/sh", "-c", "exec node \"dist/apps/${SERVICE}/src/main.js\""]
