using System.Net.Http.Json;
using System.Text.Json;

namespace DataOps.Testing;

/// <summary>
/// The state of a Glean emulator read through its admin API: every datasource (configuration, visibility, beta users,
/// counts, uploads with their pages), every datasource's documents, the active faults, and how many Glean API
/// requests (indexing and search; the admin API is not logged) it has served. Compare two with <see cref="Diff"/>.
/// </summary>
internal sealed record GleanEmulatorSnapshot(IReadOnlyDictionary<string, string> Datasources, IReadOnlyDictionary<string, string> Documents, string Faults, int ApiRequests)
{
    /// <summary>Reads the emulator's state.</summary>
    public static async Task<GleanEmulatorSnapshot> CaptureAsync(GleanEmulatorServer emulator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var state = await emulator.Http.GetFromJsonAsync<JsonElement>("admin/state", cancellationToken);
        var datasources = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var documents = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var datasource in state.GetProperty("datasources").EnumerateArray())
        {
            var name = datasource.GetProperty("name").GetString()!;
            datasources[name] = datasource.GetRawText();
            documents[name] = (await emulator.Http.GetFromJsonAsync<JsonElement>($"admin/datasources/{Uri.EscapeDataString(name)}/documents", cancellationToken)).GetRawText();
        }

        var requests = await emulator.Http.GetFromJsonAsync<JsonElement>("admin/requests", cancellationToken);
        return new GleanEmulatorSnapshot(datasources, documents, state.GetProperty("faults").GetRawText(), requests.GetArrayLength());
    }

    /// <summary>What changed from <paramref name="before"/>, one line per difference.</summary>
    public IReadOnlyList<string> Diff(GleanEmulatorSnapshot before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var lines = new List<string>();
        Compare("datasource", before.Datasources, Datasources, lines);
        Compare("documents", before.Documents, Documents, lines);
        if (!string.Equals(before.Faults, Faults, StringComparison.Ordinal))
        {
            lines.Add($"~ faults: {before.Faults} -> {Faults}");
        }

        if (before.ApiRequests != ApiRequests)
        {
            lines.Add($"~ API requests served: {before.ApiRequests} -> {ApiRequests}");
        }

        return lines;
    }

    private static void Compare(string what, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, List<string> lines)
    {
        foreach (var name in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var had = before.TryGetValue(name, out var old);
            var has = after.TryGetValue(name, out var now);
            if (had != has || !string.Equals(old, now, StringComparison.Ordinal))
            {
                lines.Add($"~ {what} {name}: {old ?? "(none)"} -> {now ?? "(none)"}");
            }
        }
    }
}
