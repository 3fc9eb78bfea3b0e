# Relais api and worker image (one image, two commands: see docker-compose.yml).
# The build stage compiles the server to plain JavaScript (tools/build-server.cjs, swc) and the web
# client (Vite); the final stage keeps their output and the production dependencies only: no
# TypeScript loader, no compiler, no embedded Postgres.

FROM node:22.23-bookworm-slim AS build
WORKDIR /srv/relais
ENV NX_DAEMON=false NX_NO_CLOUD=true
COPY package.json package-lock.json .npmrc ./
# Install scripts held back, as npm does in development: no dependency needs its own to build.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npx nx build web && npm run build:server

FROM node:22.23-bookworm-slim
ENV NODE_ENV=production
# The api's V8 flags (libs/platform/config/src/node-flags.ts says why); the worker runs with them too.
ENV NODE_OPTIONS=--max-semi-space-size=64
WORKDIR /srv/relais
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /srv/relais/dist/server ./dist/server
COPY --from=build /srv/relais/dist/apps/web ./dist/apps/web
# The compiled configuration sits deeper than its sources (dist/server/…): the client's build is named.
ENV WEB_ROOT=/srv/relais/dist/apps/web
# The audit checkpoints' mount point, writable by the application (a new volume copies this owner).
RUN mkdir -p /var/lib/relais/audit-checkpoints && chown node:node /var/lib/relais/audit-checkpoints
USER node
EXPOSE 3000
# The worker: node dist/server/apps/worker/src/main.js; the commands: node dist/server/tools/<command>.js
CMD ["node", "dist/server/apps/api/src/main.js"]
