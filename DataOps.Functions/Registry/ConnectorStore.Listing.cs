using System.Text.Json;
using Azure.Data.Tables;
using DataOps.Functions.Serialization;
using DataOps.Glean.Model;

namespace DataOps.Functions.Registry;

/// <summary>The estate-wide read of the connectors, for the reports.</summary>
public sealed partial class ConnectorStore
{
    /// <summary>Every connector record, whichever dataset it serves, in one pass over the table.</summary>
    public async Task<IReadOnlyList<ConnectorRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var records = new List<ConnectorRecord>();
        await foreach (var e in tables.Connectors.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.GetString("Connector") is { } json && JsonSerializer.Deserialize<GleanConnector>(json, DomainJson.Options) is { } connector)
            {
                records.Add(RecordOf(e, connector));
            }
        }

        return records;
    }
}
