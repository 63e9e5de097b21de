using System.Text;
using Azure.Data.Tables;
using DataOps.Domain.Datasets;

namespace DataOps.Functions.Registry;

internal sealed partial class DatasetRegistry
{
    private readonly OverviewProjection _overview = new(tables);
    private static string ClientPartition(string clientId, string stage) => $"c~{clientId}~{stage}";

    private static string JourneyPartition(string journeyId) => $"j~{journeyId}";

    private static string StatusPartition(string status) => $"s~{status}";

    /// <summary>
    /// Refreshes the listing copies and the overview's entry (<see cref="OverviewProjection"/>) after a save. Both are
    /// idempotent, so a crash here is repaired by the next save of the same dataset; until then a listing or the
    /// overview may show the previous state (reads by id are always current).
    /// </summary>
    private async Task RefreshIndexAsync(DatasetEntity entity, DatasetStatus? previousStatus, CancellationToken cancellationToken)
    {
        var id = entity.DatasetId;
        await Task.WhenAll(
            tables.Index.UpsertEntityAsync(DatasetEntityMapper.CopyWithKeys(entity, ClientPartition(entity.ClientId, entity.Stage), id), TableUpdateMode.Replace, cancellationToken),
            tables.Index.UpsertEntityAsync(DatasetEntityMapper.CopyWithKeys(entity, JourneyPartition(entity.JourneyId), id), TableUpdateMode.Replace, cancellationToken),
            tables.Index.UpsertEntityAsync(DatasetEntityMapper.CopyWithKeys(entity, StatusPartition(entity.Status), id), TableUpdateMode.Replace, cancellationToken),
            _overview.ApplyAsync(DatasetEntityMapper.ToSnapshot(entity), cancellationToken)).ConfigureAwait(false);
        if (previousStatus is { } previous && previous.ToWireName() != entity.Status)
        {
            await tables.Index.DeleteEntityAsync(StatusPartition(previous.ToWireName()), id, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<DatasetPage> ListAsync(DatasetQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is < 1 or > DatasetQuery.MaxPageSize)
        {
            throw new ArgumentException($"pageSize must be between 1 and {DatasetQuery.MaxPageSize}.", nameof(query));
        }

        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var (table, filter) = Plan(query);
        var storageToken = DecodeToken(query.ContinuationToken);
        await foreach (var page in table.QueryAsync<DatasetEntity>(filter, query.PageSize, cancellationToken: cancellationToken).AsPages(storageToken, query.PageSize).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var items = page.Values.Select(DatasetEntityMapper.ToSnapshot).ToList();
            return new DatasetPage(items, EncodeToken(page.ContinuationToken));
        }

        return new DatasetPage([], null);
    }

    /// <summary>Picks the narrowest partition for the filters given and expresses the rest as a filter.</summary>
    private (TableClient Table, string? Filter) Plan(DatasetQuery q)
    {
        var conditions = new List<string>();
        TableClient table = tables.Index;
        if (q.JourneyId is { } journey)
        {
            conditions.Add(TableClient.CreateQueryFilter($"PartitionKey eq {JourneyPartition(journey.Value)}"));
            AddColumn(conditions, "ClientId", q.ClientId?.Value);
            AddColumn(conditions, "Stage", q.Stage?.ToWireName());
            AddColumn(conditions, "Status", q.Status?.ToWireName());
        }
        else if (q.ClientId is { } client)
        {
            var stages = q.Stage is { } s ? [s] : Enum.GetValues<Stage>();
            conditions.Add("(" + string.Join(" or ", stages.Select(st => TableClient.CreateQueryFilter($"PartitionKey eq {ClientPartition(client.Value, st.ToWireName())}"))) + ")");
            AddColumn(conditions, "Status", q.Status?.ToWireName());
        }
        else if (q.Status is { } status)
        {
            conditions.Add(TableClient.CreateQueryFilter($"PartitionKey eq {StatusPartition(status.ToWireName())}"));
            AddColumn(conditions, "Stage", q.Stage?.ToWireName());
        }
        else
        {
            table = tables.Datasets;
            AddColumn(conditions, "Stage", q.Stage?.ToWireName());
        }

        return (table, conditions.Count == 0 ? null : string.Join(" and ", conditions));
    }

    private static void AddColumn(List<string> conditions, string column, string? value)
    {
        if (value is not null)
        {
            conditions.Add(column + TableClient.CreateQueryFilter($" eq {value}"));
        }
    }

    private static string? EncodeToken(string? storageToken)
        => storageToken is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes("v1:" + storageToken)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? DecodeToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            return text.StartsWith("v1:", StringComparison.Ordinal) && text.Length > 3
                ? text[3..]
                : throw new FormatException("unknown token version");
        }
        catch (FormatException ex)
        {
            throw new ArgumentException("continuationToken is not a token this API issued.", nameof(token), ex);
        }
    }
}
