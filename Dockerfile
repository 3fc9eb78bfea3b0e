# Relais api and worker image. TypeScript runs through @swc-node/register, as in development.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /srv/relais
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
# The audit checkpoints' mount point, writable by the application (a new volume copies this owner).
RUN mkdir -p /var/lib/relais/audit-checkpoints && chown node:node /var/lib/relais/audit-checkpoints
USER node
EXPOSE 3000
CMD ["node", "-r", "@swc-node/register", "apps/api/src/main.ts"]
