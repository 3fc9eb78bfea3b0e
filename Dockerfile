# Relais api and worker image. TypeScript runs through @swc-node/register, as in development.

# The web client is built with the development dependencies (Vite); only its build is kept.
FROM node:20-bookworm-slim AS web
WORKDIR /srv/relais
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx build web

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /srv/relais
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
# Served by the api at / (WEB_ROOT defaults to dist/apps/web).
COPY --from=web /srv/relais/dist/apps/web ./dist/apps/web
# The audit checkpoints' mount point, writable by the application (a new volume copies this owner).
RUN mkdir -p /var/lib/relais/audit-checkpoints && chown node:node /var/lib/relais/audit-checkpoints
USER node
EXPOSE 3000
CMD ["node", "-r", "@swc-node/register", "apps/api/src/main.ts"]
