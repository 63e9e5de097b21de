using System.Text.Json;
using DataOps.Testing;

namespace DataOps.Tests.MockData.Sanitization;

/// <summary>The planted-PII pilot export shipped under DataOps.Tests/Fixtures/pilot-exports/acme-health.</summary>
internal static class PilotFixture
{
    public const string ClientId = "acme-health";

    public static string Folder { get; } = Path.Combine(RepositoryRoot.Find(), "DataOps.Tests", "Fixtures", "pilot-exports", ClientId);

    public static string ExportPath(string datasetType) => Path.Combine(Folder, datasetType + ".jsonl");

    /// <summary>Every planted value, by kind (names, emails, phones, ssns, credentials).</summary>
    public static IReadOnlyDictionary<string, string[]> Planted { get; } =
        JsonSerializer.Deserialize<Dictionary<string, string[]>>(File.ReadAllText(Path.Combine(Folder, "planted-pii.json")))!;
}
