# syntax=docker/dockerfile:1
# The entitygraph server: built with the .NET SDK, run on the ASP.NET Core runtime as a non-root user.
#   docker build -t entitygraph .
#   docker run -e ENTITYGRAPH_API_TOKEN=$(openssl rand -hex 32) -p 127.0.0.1:8080:8080 entitygraph

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so that the restore layer is reused until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/EntityGraph.Core/EntityGraph.Core.csproj src/EntityGraph.Core/
COPY src/EntityGraph.Ingest/EntityGraph.Ingest.csproj src/EntityGraph.Ingest/
COPY src/EntityGraph.Storage.Sqlite/EntityGraph.Storage.Sqlite.csproj src/EntityGraph.Storage.Sqlite/
COPY src/EntityGraph.Storage.Neo4j/EntityGraph.Storage.Neo4j.csproj src/EntityGraph.Storage.Neo4j/
COPY src/EntityGraph.Server/EntityGraph.Server.csproj src/EntityGraph.Server/
RUN dotnet restore src/EntityGraph.Server/EntityGraph.Server.csproj
COPY src/ src/
COPY cypher/ cypher/
COPY samples/ samples/
RUN dotnet publish src/EntityGraph.Server/EntityGraph.Server.csproj --no-restore -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The demo case as a file, for `import` (the server also carries it embedded).
COPY samples/demo-case.ftm.jsonl /app/samples/demo-case.ftm.jsonl
# With the SQLite store the database lives in /data, the one place the app user may write; mount a volume there.
RUN mkdir /data && chown "$APP_UID" /data
ENV EntityGraph__Database__Path=/data/entitygraph.db
# APP_UID is the unprivileged "app" user the .NET images provide.
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "/app/entitygraph.dll"]
CMD ["serve", "--urls", "http://0.0.0.0:8080"]
