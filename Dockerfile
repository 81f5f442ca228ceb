# Build: restore with only the project files first so the layer is cached across code changes.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/CrmBridge.Core/CrmBridge.Core.csproj src/CrmBridge.Core/
COPY src/CrmBridge/CrmBridge.csproj src/CrmBridge/
RUN dotnet restore src/CrmBridge/CrmBridge.csproj
# Only the worker and its core: the sandbox, demo and bench are a separate tooling executable that never ships here.
COPY src/CrmBridge.Core/ src/CrmBridge.Core/
COPY src/CrmBridge/ src/CrmBridge/
COPY config/ config/
RUN dotnet publish src/CrmBridge/CrmBridge.csproj -c Release --no-restore -o /app

# Runtime: the plain .NET runtime (the worker carries no ASP.NET Core). The full (non-chiseled) image ships ICU,
# which Russian dates and numbers need; tzdata gives the IANA zones Schedule:TimeZone names.
FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime
ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false \
    TZ=Europe/Moscow
RUN apt-get update \
    && apt-get install -y --no-install-recommends tzdata \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# The LiteDB file lives on a volume; config/appsettings.json is mounted from outside (read-only).
RUN mkdir -p /app/data && chown -R app:app /app/data
VOLUME ["/app/data"]
USER app
# Healthy while every CRM had a successful sync tick within three Schedule:SyncCron periods; `status` reads the
# snapshot the worker writes after each tick (the worker holds the LiteDB file). A first full load may take a while.
HEALTHCHECK --interval=5m --timeout=30s --start-period=30m --retries=2 CMD ["dotnet", "crmbridge.dll", "status", "--quiet"]
ENTRYPOINT ["dotnet", "crmbridge.dll"]
