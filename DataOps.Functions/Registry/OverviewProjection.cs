using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using DataOps.Domain.Datasets;

namespace DataOps.Functions.Registry;

/// <summary>
/// The projection the operations overview reads instead of the whole registry: one row per client (partition
/// <c>client</c>, row the client id) holding, for each of the client's datasets, what the overview counts
/// (<see cref="OverviewEntry"/>). The registry applies every dataset it writes (<see cref="ApplyAsync"/>): the entry is
/// replaced whole, so applying the same save twice changes nothing, and the row is written under its ETag, so two saves
/// of one client's datasets never lose each other's entry. Saves of one client made by this host queue for the row (a
/// gate per client, striped), so only saves from different hosts race for its ETag and the loser reads and applies
/// again. The overview then reads one row per client, not one per dataset. A registry that held datasets before the
/// projection existed, or was projected in an older form, is projected once by <see cref="BackfillAsync"/>, which keeps
/// the entries saves have written in the current form since.
/// </summary>
public sealed partial class OverviewProjection(RegistryTables tables)
{
    private const string ClientPartition = "client";
    private const string MetaPartition = "meta";
    // The projection's form: an entry written in an older form lacks fields, so a registry projected in one is
    // projected again (the backfill replaces entries of an older form and keeps the current form's, which saves wrote).
    private const int Version = 2;
    private const string BuiltRow = "built-v2";
    private const string EntriesColumn = "Entries";
    private const int MaxAttempts = 30;
    private const int GateStripes = 64;

    // A table string property holds 32K UTF-16 characters; longer entry lists are split over Entries0, Entries1, ...
    private const int ChunkCharacters = 30_000;

    private readonly SemaphoreSlim[] _gates = [.. Enumerable.Range(0, GateStripes).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>Replaces the dataset's entry in its client's row.</summary>
    public Task ApplyAsync(DatasetSnapshot dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var entry = OverviewEntry.From(dataset);
        return UpdateAsync(dataset.ClientId.Value, (entries, _) =>
        {
            if (entries.TryGetValue(entry.DatasetId, out var current) && current == entry)
            {
                return false;
            }

            entries[entry.DatasetId] = entry;
            return true;
        }, cancellationToken);
    }

    /// <summary>Every entry of every client.</summary>
    public async Task<List<OverviewEntry>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var all = new List<OverviewEntry>();
        await foreach (var row in tables.Overview.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ClientPartition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            all.AddRange(Read(row).Values);
        }

        return all;
    }

    /// <summary>
    /// Every entry of every client; when the registry was never projected in the current form (it predates the
    /// projection, or an older form), <paramref name="registry"/> is scanned once, projected, and the scan answered.
    /// </summary>
    public async Task<IReadOnlyCollection<OverviewEntry>> ReadAllAsync(IDatasetRegistry registry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (await IsBackfilledAsync(cancellationToken).ConfigureAwait(false))
        {
            return await ReadAllAsync(cancellationToken).ConfigureAwait(false);
        }

        var datasets = await registry.ListAllAsync(null, cancellationToken).ConfigureAwait(false);
        await BackfillAsync(datasets, cancellationToken).ConfigureAwait(false);
        return [.. datasets.Select(OverviewEntry.From)];
    }

    /// <summary>Whether the registry's datasets from before the projection have been projected.</summary>
    public async Task<bool> IsBackfilledAsync(CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        return (await tables.Overview.GetEntityIfExistsAsync<TableEntity>(MetaPartition, BuiltRow, cancellationToken: cancellationToken).ConfigureAwait(false)).HasValue;
    }

    /// <summary>
    /// Projects <paramref name="datasets"/> (a scan of the registry) and marks the projection complete. An entry a save
    /// wrote in the current form is as new as the scan or newer, and is kept.
    /// </summary>
    public async Task BackfillAsync(IEnumerable<DatasetSnapshot> datasets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        foreach (var client in datasets.GroupBy(d => d.ClientId.Value, StringComparer.Ordinal))
        {
            await UpdateAsync(client.Key, (entries, current) =>
            {
                var changed = false;
                foreach (var dataset in client)
                {
                    if (!current.Contains(dataset.Id.Value))
                    {
                        entries[dataset.Id.Value] = OverviewEntry.From(dataset);
                        changed = true;
                    }
                }

                return changed;
            }, cancellationToken).ConfigureAwait(false);
        }

        await tables.Overview.UpsertEntityAsync(new TableEntity(MetaPartition, BuiltRow), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    private async Task UpdateAsync(string clientId, Func<Dictionary<string, OverviewEntry>, IReadOnlySet<string>, bool> change, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var gate = _gates[(int)((uint)StringComparer.Ordinal.GetHashCode(clientId) % GateStripes)];
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await UpdateUnderGateAsync(clientId, change, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task UpdateUnderGateAsync(string clientId, Func<Dictionary<string, OverviewEntry>, IReadOnlySet<string>, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var existing = await tables.Overview.GetEntityIfExistsAsync<TableEntity>(ClientPartition, clientId, cancellationToken: cancellationToken).ConfigureAwait(false);
            var (entries, current) = existing.HasValue ? ReadWithForm(existing.Value!) : (new Dictionary<string, OverviewEntry>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
            if (!change(entries, current))
            {
                return;
            }

            var row = Write(clientId, entries);
            try
            {
                if (existing.HasValue)
                {
                    await tables.Overview.UpdateEntityAsync(row, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await tables.Overview.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another host's save of this client's datasets got there first: read its entries and apply this one
                // again, after a jittered wait that grows with each lost race (at most a second).
                var ceiling = (int)Math.Min(1_000, 10 * Math.Pow(2, Math.Min(attempt, 10)));
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(ceiling / 4, ceiling)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static Dictionary<string, OverviewEntry> Read(TableEntity row) => ReadWithForm(row).Entries;

    /// <summary>The row's entries, and the ids of those in the current form.</summary>
    private static (Dictionary<string, OverviewEntry> Entries, HashSet<string> Current) ReadWithForm(TableEntity row)
    {
        var text = new StringBuilder();
        for (var i = 0; row.GetString(EntriesColumn + i.ToString(CultureInfo.InvariantCulture)) is { } chunk; i++)
        {
            text.Append(chunk);
        }

        var wire = text.Length == 0 ? null : JsonSerializer.Deserialize(text.ToString(), OverviewJson.Default.DictionaryStringWireEntry);
        return (
            (wire ?? []).ToDictionary(p => p.Key, p => p.Value.ToEntry(p.Key), StringComparer.Ordinal),
            (wire ?? []).Where(p => p.Value.Form >= Version).Select(p => p.Key).ToHashSet(StringComparer.Ordinal));
    }

    private static TableEntity Write(string clientId, Dictionary<string, OverviewEntry> entries)
    {
        var text = JsonSerializer.Serialize(entries.ToDictionary(p => p.Key, p => WireEntry.Of(p.Value), StringComparer.Ordinal), OverviewJson.Default.DictionaryStringWireEntry);
        var row = new TableEntity(ClientPartition, clientId);
        for (var i = 0; i * ChunkCharacters < text.Length; i++)
        {
            row[EntriesColumn + i.ToString(CultureInfo.InvariantCulture)] = text.Substring(i * ChunkCharacters, Math.Min(ChunkCharacters, text.Length - (i * ChunkCharacters)));
        }

        return row;
    }

    /// <summary>
    /// The entries' JSON, generated at build time: every overview read parses every client's row, so the serializer is
    /// neither built by reflection on a host's first reads nor slower than it need be on every read after.
    /// </summary>
    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
    [JsonSerializable(typeof(Dictionary<string, WireEntry>))]
    private sealed partial class OverviewJson : JsonSerializerContext;

    /// <summary>An entry as stored: short names, enums by wire name, the dataset id as the key, and its form.</summary>
    private sealed record WireEntry(
        [property: JsonPropertyName("s")] string Status,
        [property: JsonPropertyName("t")] string Type,
        [property: JsonPropertyName("g")] string Stage,
        [property: JsonPropertyName("p"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? ProvisioningSeconds,
        [property: JsonPropertyName("c"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ProvisionCompletedAt)
    {
        [JsonPropertyName("v")]
        public int Form { get; init; }

        [JsonPropertyName("j")]
        public string? Journey { get; init; }

        [JsonPropertyName("a")]
        public DateTimeOffset CreatedAt { get; init; }

        [JsonPropertyName("n")]
        public int Attempt { get; init; } = 1;

        [JsonPropertyName("pc"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
        public bool ProvisionCompleted { get; init; }

        [JsonPropertyName("q"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public double? QualityScore { get; init; }

        [JsonPropertyName("qa"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public DateTimeOffset? QualityCalculatedAt { get; init; }

        [JsonPropertyName("ts"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public DateTimeOffset? TeardownStartedAt { get; init; }

        [JsonPropertyName("da"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public DateTimeOffset? DeleteAfter { get; init; }

        [JsonPropertyName("ar"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public DateTimeOffset? ArchivedAt { get; init; }

        public static WireEntry Of(OverviewEntry entry) =>
            new(entry.Status.ToWireName(), entry.Type.ToWireName(), entry.Stage.ToWireName(), entry.ProvisioningSeconds, entry.ProvisionCompletedAt)
            {
                Form = Version,
                Journey = entry.JourneyId,
                CreatedAt = entry.CreatedAt,
                Attempt = entry.Attempt,
                ProvisionCompleted = entry.ProvisionCompleted,
                QualityScore = entry.QualityScore,
                QualityCalculatedAt = entry.QualityCalculatedAt,
                TeardownStartedAt = entry.TeardownStartedAt,
                DeleteAfter = entry.DeleteAfter,
                ArchivedAt = entry.ArchivedAt,
            };

        public OverviewEntry ToEntry(string datasetId) =>
            new(datasetId, WireNames.Parse<DatasetStatus>(Status), WireNames.Parse<DatasetType>(Type), WireNames.Parse<Stage>(Stage), ProvisioningSeconds, ProvisionCompletedAt)
            {
                JourneyId = Journey ?? string.Empty,
                CreatedAt = CreatedAt,
                Attempt = Attempt,
                ProvisionCompleted = ProvisionCompleted,
                QualityScore = QualityScore,
                QualityCalculatedAt = QualityCalculatedAt,
                TeardownStartedAt = TeardownStartedAt,
                DeleteAfter = DeleteAfter,
                ArchivedAt = ArchivedAt,
            };
    }
}
