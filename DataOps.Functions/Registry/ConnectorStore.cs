using System.Text.Json;
using Azure.Data.Tables;
using DataOps.Functions.Serialization;
using DataOps.Glean.Model;

namespace DataOps.Functions.Registry;

/// <summary>
/// The Glean connectors the product created, keyed by connector name, with their lifecycle status
/// (<c>healthy</c>, <c>unhealthy</c>, <c>paused</c>, <c>disconnected</c>, <c>retired</c>) and the dataset they serve.
/// </summary>
public sealed class ConnectorStore(RegistryTables tables, TimeProvider time)
{
    /// <summary>Records (or refreshes) a connector for a dataset.</summary>
    public async Task SaveAsync(string datasetId, GleanConnector connector, string status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connector);
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var row = new TableEntity(connector.ConnectorName, string.Empty)
        {
            ["DatasetId"] = datasetId,
            ["Datasource"] = connector.DatasourceName,
            ["Status"] = status,
            ["Connector"] = JsonSerializer.Serialize(connector, DomainJson.Options),
            ["UpdatedAt"] = time.GetUtcNow(),
        };
        await tables.Connectors.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets a connector's status (and optionally what a health check found).</summary>
    public async Task SetStatusAsync(string connectorName, string status, string? healthDetails = null, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var row = new TableEntity(connectorName, string.Empty) { ["Status"] = status, ["UpdatedAt"] = time.GetUtcNow() };
        if (healthDetails is not null)
        {
            row["LastHealthCheck"] = time.GetUtcNow();
            row["HealthDetails"] = healthDetails;
        }

        await tables.Connectors.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Loads a connector record; null when the product never created it.</summary>
    public async Task<ConnectorRecord?> GetAsync(string connectorName, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var row = await tables.Connectors.GetEntityIfExistsAsync<TableEntity>(connectorName, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!row.HasValue || row.Value!.GetString("Connector") is not { } json)
        {
            return null;
        }

        var e = row.Value;
        return new ConnectorRecord(
            JsonSerializer.Deserialize<GleanConnector>(json, DomainJson.Options)!,
            e.GetString("DatasetId") ?? string.Empty,
            e.GetString("Status") ?? string.Empty,
            e.GetDateTimeOffset("LastHealthCheck"),
            e.GetString("HealthDetails"));
    }
}
