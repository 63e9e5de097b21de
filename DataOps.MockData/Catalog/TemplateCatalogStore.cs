using Azure;
using Azure.Data.Tables;

namespace DataOps.MockData.Catalog;

/// <summary>The template catalog on Table storage (<c>TemplateCatalog</c> by default): idempotent upserts, lookups and filtered listing.</summary>
public sealed class TemplateCatalogStore(TableClient table)
{
    /// <summary>The default table name.</summary>
    public const string DefaultTableName = "TemplateCatalog";

    private int _created;

    /// <summary>The table name.</summary>
    public string TableName => table.Name;

    /// <summary>Creates the table if it does not exist (once per instance).</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _created) == 0)
        {
            await table.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            Volatile.Write(ref _created, 1);
        }
    }

    /// <summary>Inserts or replaces an entry.</summary>
    public async Task UpsertAsync(CatalogEntry entry, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        await table.UpsertEntityAsync(CatalogEntitySerializer.ToEntity(entry), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Removes an entry (no error when it is already gone).</summary>
    public async Task DeleteAsync(string industry, string templateId, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        await table.DeleteEntityAsync(industry, templateId, ETag.All, cancellationToken);
    }

    /// <summary>The entry with the id, or null. The industry (partition) is the first segment of the id.</summary>
    public async Task<CatalogEntry?> GetAsync(string templateId, CancellationToken cancellationToken)
    {
        var dot = templateId.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return null;
        }

        await EnsureCreatedAsync(cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(templateId[..dot], templateId, cancellationToken: cancellationToken);
        return row.HasValue ? CatalogEntitySerializer.FromEntity(row.Value!) : null;
    }

    /// <summary>Entries matching every given filter (null = any), ordered by id.</summary>
    public async Task<IReadOnlyList<CatalogEntry>> ListAsync(string? industry, string? useCase, string? datasetType, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var clauses = new List<string>();
        if (industry is not null)
        {
            clauses.Add(TableClient.CreateQueryFilter($"PartitionKey eq {industry}"));
        }

        if (useCase is not null)
        {
            clauses.Add(TableClient.CreateQueryFilter($"UseCase eq {useCase}"));
        }

        if (datasetType is not null)
        {
            clauses.Add(TableClient.CreateQueryFilter($"DatasetType eq {datasetType}"));
        }

        var entries = new List<CatalogEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(clauses.Count == 0 ? null : string.Join(" and ", clauses), cancellationToken: cancellationToken))
        {
            entries.Add(CatalogEntitySerializer.FromEntity(row));
        }

        return entries.OrderBy(e => e.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The (industry, id, content hash) of every entry, for reconciling a rescan.</summary>
    public async Task<IReadOnlyList<(string Industry, string Id, string ContentHash)>> ListKeysAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var keys = new List<(string, string, string)>();
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey", "ContentHash"], cancellationToken: cancellationToken))
        {
            keys.Add((row.PartitionKey, row.RowKey, row.GetString("ContentHash") ?? string.Empty));
        }

        return keys;
    }
}
