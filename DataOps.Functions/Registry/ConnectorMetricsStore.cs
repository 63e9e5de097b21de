using System.Globalization;
using Azure;
using Azure.Data.Tables;
using DataOps.Functions.Storage;
using DataOps.Glean.Metrics;

namespace DataOps.Functions.Registry;

/// <summary>
/// Per-connector figures kept from the calls the Glean adapter makes (<see cref="IConnectorCallObserver"/>): one row per
/// datasource and hour with the calls by kind and outcome, the query answer times as a histogram and the times of the
/// connector's own errors, plus one row with its last syncs. Rows are updated under their ETag, so hosts recording at
/// once never lose a call; an activity that runs twice records its calls twice, as it made them twice.
/// </summary>
public sealed class ConnectorMetricsStore(RegistryTables tables, TimeProvider time) : IConnectorCallObserver
{
    /// <summary>How far back the rates, percentiles and uptime look.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    /// <summary>How far back the error count and the health check's error rate look.</summary>
    public static readonly TimeSpan ErrorWindow = TimeSpan.FromHours(24);

    /// <summary>Upper bounds (ms) of the query answer-time histogram's buckets; the last bucket is open.</summary>
    internal static readonly int[] QueryBoundsMs = [25, 50, 75, 100, 150, 200, 300, 400, 500, 750, 1000, 1500, 2000, 3000, 5000, 7500, 10000, 15000, 30000];

    private const string LatestRow = "latest";
    private const string HourPrefix = "h-";
    private const int MaxConditionalAttempts = 64;
    private const int MaxFailureTimesPerHour = 200;

    /// <inheritdoc />
    public async Task ObserveAsync(ConnectorCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var partition = PartitionOf(call.DatasourceName);
        await UpdateAsync(partition, HourKey(call.At), row => AddToHour(row, call), cancellationToken).ConfigureAwait(false);
        if (call.Kind == ConnectorCallKind.Sync)
        {
            await UpdateAsync(partition, LatestRow, row => AddToLatest(row, call), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The connector's figures over <see cref="Window"/> (errors over <see cref="ErrorWindow"/>), counting only calls
    /// since <paramref name="since"/> (the dataset's registration: a connector name, and so its datasource, passes to the
    /// next dataset of the client, stage and type once a dataset is archived).
    /// </summary>
    public async Task<ConnectorMetricsView> ReadAsync(string datasourceName, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var from = Max(since, now - Window);
        var hours = await ReadHoursAsync(datasourceName, from, cancellationToken).ConfigureAwait(false);
        var recent = hours.Where(h => h.Hour >= HourOf(Max(since, now - ErrorWindow))).ToList();
        var latest = await tables.ConnectorMetrics.GetEntityIfExistsAsync<TableEntity>(PartitionOf(datasourceName), LatestRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        var lastSuccess = latest.HasValue ? latest.Value!.GetDateTimeOffset("LastSuccessfulSyncAt") : null;
        if (lastSuccess < since)
        {
            lastSuccess = null;
        }

        var syncs = hours.Sum(h => h.Count(ConnectorCallKind.Sync));
        var probes = hours.Sum(h => h.Count(ConnectorCallKind.Probe));
        var queries = hours.Sum(h => h.Count(ConnectorCallKind.Query));
        var histogram = new long[QueryBoundsMs.Length + 1];
        foreach (var hour in hours)
        {
            for (var i = 0; i < histogram.Length; i++)
            {
                histogram[i] += hour.QueryHistogram[i];
            }
        }

        return new ConnectorMetricsView(
            (int)Window.TotalDays,
            syncs,
            syncs == 0 ? null : Ratio(hours.Sum(h => h.Get(ConnectorCallKind.Sync, ConnectorCallOutcome.Succeeded)), syncs),
            queries,
            Percentile(histogram, 0.50),
            Percentile(histogram, 0.95),
            recent.Sum(h => h.Errors),
            ErrorRate(recent, Max(since, now - ErrorWindow)),
            lastSuccess,
            lastSuccess is { } at ? Math.Round((now - at).TotalMinutes, 1) : null,
            probes,
            probes == 0 ? null : Ratio(probes - hours.Sum(h => h.Get(ConnectorCallKind.Probe, ConnectorCallOutcome.Unavailable)), probes));
    }

    /// <summary>
    /// The connector's error rate since <paramref name="since"/> (at most <see cref="ErrorWindow"/> back): its own errors
    /// (Glean refused a call about it) over the calls Glean answered. Glean being down or throttling is not the connector's
    /// error: the health check's connectivity criterion covers it. 0 when Glean answered nothing.
    /// </summary>
    public async Task<double> ErrorRateAsync(string datasourceName, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var from = Max(since, time.GetUtcNow() - ErrorWindow);
        var hours = await ReadHoursAsync(datasourceName, from, cancellationToken).ConfigureAwait(false);
        return ErrorRate(hours, from) ?? 0;
    }

    /// <summary>Deletes the hour rows older than <see cref="Window"/> (and a day), which no figure reads any more; how many.</summary>
    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var cutoff = HourKey(now - Window - TimeSpan.FromDays(1));
        var filter = TableClient.CreateQueryFilter($"RowKey ge {HourPrefix} and RowKey lt {cutoff}");
        return await TableRowPurge.DeleteAsync(tables.ConnectorMetrics, filter, cancellationToken).ConfigureAwait(false);
    }

    private static double? ErrorRate(IReadOnlyList<HourRow> hours, DateTimeOffset from)
    {
        // The hour rows count calls by the hour; the errors carry their times, so an error before `from` never counts.
        var answered = hours.Sum(h => h.Answered);
        var errors = hours.Sum(h => h.FailureTimes.Count(t => t >= from));
        return answered == 0 ? null : Math.Min(1, Ratio(errors, answered));
    }

    private async Task<List<HourRow>> ReadHoursAsync(string datasourceName, DateTimeOffset from, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var partition = PartitionOf(datasourceName);
        var fromKey = HourKey(from);
        var rows = new List<HourRow>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {fromKey} and RowKey lt {HourPrefix + "~"}");
        await foreach (var entity in tables.ConnectorMetrics.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(HourRow.From(entity));
        }

        return rows;
    }

    private async Task UpdateAsync(string partition, string rowKey, Action<TableEntity> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await tables.ConnectorMetrics.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            var row = current.HasValue ? current.Value! : new TableEntity(partition, rowKey);
            change(row);
            try
            {
                if (current.HasValue)
                {
                    await tables.ConnectorMetrics.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await tables.ConnectorMetrics.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxConditionalAttempts)
            {
                // Another host recorded a call in between: read again (after a moment, so writers at once spread out) and
                // add ours to theirs.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * Math.Min(attempt, 10))), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static void AddToHour(TableEntity row, ConnectorCall call)
    {
        var column = Column(call.Kind, call.Outcome);
        row[column] = (row.GetInt64(column) ?? 0) + 1;
        if (call.Kind == ConnectorCallKind.Query && call.Outcome == ConnectorCallOutcome.Succeeded)
        {
            var histogram = HourRow.ParseHistogram(row.GetString("QueryHistogram"));
            histogram[BucketOf(call.Duration)]++;
            row["QueryHistogram"] = string.Join(',', histogram);
        }

        if (call.Outcome == ConnectorCallOutcome.Failed)
        {
            var times = (row.GetString("FailureTimes") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            if (times.Count < MaxFailureTimesPerHour)
            {
                times.Add(call.At.UtcTicks.ToString(CultureInfo.InvariantCulture));
                row["FailureTimes"] = string.Join(' ', times);
            }
        }
    }

    private static void AddToLatest(TableEntity row, ConnectorCall call)
    {
        if (call.Outcome == ConnectorCallOutcome.Succeeded && !(row.GetDateTimeOffset("LastSuccessfulSyncAt") > call.At))
        {
            row["LastSuccessfulSyncAt"] = call.At;
        }

        if (!(row.GetDateTimeOffset("LastSyncAt") > call.At))
        {
            row["LastSyncAt"] = call.At;
            row["LastSyncOutcome"] = GleanTelemetry.Wire(call.Outcome);
        }
    }

    /// <summary>The upper bound of the bucket holding the percentile (a conservative figure); null without queries.</summary>
    private static double? Percentile(long[] histogram, double p)
    {
        var total = histogram.Sum();
        if (total == 0)
        {
            return null;
        }

        var rank = (long)Math.Ceiling(p * total);
        long seen = 0;
        for (var i = 0; i < histogram.Length; i++)
        {
            seen += histogram[i];
            if (seen >= rank)
            {
                return i < QueryBoundsMs.Length ? QueryBoundsMs[i] : null;
            }
        }

        return null;
    }

    private static int BucketOf(TimeSpan duration)
    {
        var ms = duration.TotalMilliseconds;
        var index = Array.FindIndex(QueryBoundsMs, bound => ms <= bound);
        return index < 0 ? QueryBoundsMs.Length : index;
    }

    internal static string Column(ConnectorCallKind kind, ConnectorCallOutcome outcome) => kind.ToString() + outcome.ToString();

    private static string PartitionOf(string datasourceName) => datasourceName.ToLowerInvariant();

    private static DateTimeOffset HourOf(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, at.UtcDateTime.Day, at.UtcDateTime.Hour, 0, 0, TimeSpan.Zero);

    private static string HourKey(DateTimeOffset at) => HourPrefix + at.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static double Ratio(long part, long whole) => Math.Round((double)part / whole, 4);

    private sealed record HourRow(DateTimeOffset Hour, IReadOnlyDictionary<string, long> Counts, long[] QueryHistogram, IReadOnlyList<DateTimeOffset> FailureTimes)
    {
        public long Answered => Enum.GetValues<ConnectorCallKind>().Sum(k => Get(k, ConnectorCallOutcome.Succeeded) + Get(k, ConnectorCallOutcome.Failed));

        public long Errors => Enum.GetValues<ConnectorCallKind>().Sum(k => Get(k, ConnectorCallOutcome.Failed) + Get(k, ConnectorCallOutcome.Unavailable));

        public long Get(ConnectorCallKind kind, ConnectorCallOutcome outcome) => Counts.GetValueOrDefault(Column(kind, outcome));

        public long Count(ConnectorCallKind kind) => Enum.GetValues<ConnectorCallOutcome>().Sum(o => Get(kind, o));

        public static HourRow From(TableEntity entity)
        {
            var hour = DateTimeOffset.ParseExact(entity.RowKey[HourPrefix.Length..], "yyyyMMddHH", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var kind in Enum.GetValues<ConnectorCallKind>())
            {
                foreach (var outcome in Enum.GetValues<ConnectorCallOutcome>())
                {
                    counts[Column(kind, outcome)] = entity.GetInt64(Column(kind, outcome)) ?? 0;
                }
            }

            var failures = (entity.GetString("FailureTimes") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(t => new DateTimeOffset(long.Parse(t, CultureInfo.InvariantCulture), TimeSpan.Zero)).ToList();
            return new HourRow(hour, counts, ParseHistogram(entity.GetString("QueryHistogram")), failures);
        }

        public static long[] ParseHistogram(string? text)
        {
            var histogram = new long[QueryBoundsMs.Length + 1];
            var parts = (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < Math.Min(parts.Length, histogram.Length); i++)
            {
                histogram[i] = long.Parse(parts[i], CultureInfo.InvariantCulture);
            }

            return histogram;
        }
    }
}
