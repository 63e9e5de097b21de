

using DataOps.Glean.Errors;
using DataOps.Glean.Http;
using DataOps.Glean.Metrics;
using DataOps.Glean.Model;
using DataOps.Glean.Wire;
using Microsoft.Extensions.Options;

namespace DataOps.Glean;

/// <summary>The anti-corruption layer: the product's connector operations expressed as Glean calls.</summary>
internal sealed partial class GleanConnectorService(
    GleanIndexingClient indexing,
    GleanSearchClient search,
    DatasourceAudiences audiences,
    IOptions<GleanOptions> options,
    TimeProvider time,
    ILogger<GleanConnectorService> logger,
    ConnectorCallMeter meter,
    IEnumerable<IConnectorCallObserver> observers) : IGleanConnectorService
{
    private GleanOptions Options => options.Value;

    public async Task<GleanConnector> CreateConnectorAsync(ConnectorSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var connector = ConnectorConfigTranslator.FromSpec(spec, audiences.BetaUsersFor(spec.Stage, spec.ClientId));
        var existing = await TryGetConfigAsync(connector.DatasourceName, cancellationToken);
        if (existing is not null && !string.Equals(existing.DisplayName, connector.ConnectorName, StringComparison.Ordinal))
        {
            throw new GleanConflictException(
                "adddatasource",
                $"Glean datasource '{connector.DatasourceName}' (derived from connector '{connector.ConnectorName}') already belongs to '{existing.DisplayName ?? "an unnamed datasource"}'; choose a connector name that differs in its letters or digits",
                statusCode: null);
        }

        await indexing.AddDatasourceAsync(ConnectorConfigTranslator.ToConfig(connector), cancellationToken);
        if (connector.IsTestDatasource)
        {
            await indexing.SetBetaUsersAsync(connector.DatasourceName, connector.BetaUsers, cancellationToken);
        }

        Log.Created(logger, connector.ConnectorName, connector.DatasourceName);
        return connector;
    }

    public async Task<GleanConnector?> GetConnectorAsync(string connectorName, CancellationToken cancellationToken = default)
    {
        var datasource = DatasourceNames.From(connectorName);
        var config = await TryGetConfigAsync(datasource, cancellationToken);
        return config is null ? null : ConnectorConfigTranslator.FromConfig(config, []);
    }

    public ConnectorPause Pause(GleanConnector connector) =>
        new(connector.ConnectorName, connector.DatasourceName, time.GetUtcNow());

    public async Task<ConnectorDisconnection> DisconnectAsync(GleanConnector connector, CancellationToken cancellationToken = default)
    {
        var hidden = connector with { IsTestDatasource = true, BetaUsers = [] };
        await indexing.AddDatasourceAsync(ConnectorConfigTranslator.ToConfig(hidden), cancellationToken);
        await indexing.SetBetaUsersAsync(connector.DatasourceName, [], cancellationToken);
        Log.Disconnected(logger, connector.ConnectorName);
        return new ConnectorDisconnection(connector.ConnectorName, connector.DatasourceName, time.GetUtcNow());
    }

    public async Task<ConnectorDocumentCount> GetDocumentCountAsync(GleanConnector connector, CancellationToken cancellationToken = default)
    {
        var status = await indexing.GetStatusAsync(connector.DatasourceName, cancellationToken);
        var counts = status?.Documents?.Counts;
        return new ConnectorDocumentCount(
            counts?.Uploaded?.Sum(c => c.Count) ?? 0,
            counts?.Indexed?.Sum(c => c.Count) ?? 0);
    }

    private async Task<CustomDatasourceConfig?> TryGetConfigAsync(string datasource, CancellationToken cancellationToken)
    {
        try
        {
            return await indexing.GetDatasourceConfigAsync(datasource, cancellationToken);
        }
        catch (GleanException ex) when (ex is GleanNotFoundException or GleanBadRequestException)
        {
            // Glean answers an unknown datasource with 400 (or 404 in some deployments): both mean "absent".
            return null;
        }
    }
}
