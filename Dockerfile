# JWT Workbench as a container: build the static site with Node, serve it
# with nginx and the same security headers as `npm start`.
#
#   docker build -t jwt-workbench .
#   docker run --rm -p 8080:8080 jwt-workbench           # http://localhost:8080/
#
# Under a base path (for example behind a reverse proxy at /tools/jwt/):
#   docker build --build-arg BASE_PATH=/tools/jwt -t jwt-workbench .
#   docker run --rm -p 8080:8080 jwt-workbench           # http://localhost:8080/tools/jwt/

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ARG BASE_PATH=""
# Optional: pin the CSP's connect-src to your identity providers (see README).
ARG CONNECT_SRC=""
# The build hashes the pages' inline scripts and writes nginx.conf with them;
# stage-static lays out /srv/www<base path>/ and /srv/nginx.conf.
RUN BASE_PATH="$BASE_PATH" CONNECT_SRC="$CONNECT_SRC" npm run build \
 && BASE_PATH="$BASE_PATH" CONNECT_SRC="$CONNECT_SRC" node scripts/stage-static.mjs /srv

FROM nginx:1.27-alpine
RUN rm -rf /usr/share/nginx/html/* /etc/nginx/conf.d/default.conf
COPY --from=build /srv/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /srv/www/ /usr/share/nginx/html/
EXPOSE 8080
