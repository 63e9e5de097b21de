using System.Text.Json;
using Azure.Core.Serialization;
using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Serialization;
using DataOps.Functions.Teardown;
using DataOps.Functions.Watch;
using DataOps.Functions.Workflows;
using DataOps.LocalHost.WebJobs;

namespace DataOps.Tests.Functions.Serialization;

/// <summary>
/// The workflow contracts carry domain types but keep their wire JSON: ids as plain strings and enums by wire name,
/// on the local host's data converter, on the Functions worker's default serializer and with the app's own options.
/// </summary>
public sealed class ContractSerializationTests
{
    private static readonly TeardownDatasetInput Teardown = new(DatasetId.Create("ds-1"), TeardownReason.StageTransition, false, TimeSpan.FromHours(24), "transition:j-1");

    private static readonly ProvisionJourneyInput Provision = new(
        JourneyId.Create("j-1"), ClientId.Create("acme"), ClientName.Create("ACME"), Industry.Healthcare, UseCase.Create("clinical_workflows"), Stage.Sandbox, [DatasetType.ConfluencePages], "se@example.com");

    // The Functions worker's default: System.Text.Json with case-insensitive reads (its data converter wraps it).
    private static readonly JsonObjectSerializer WorkerSerializer = new(new JsonSerializerOptions { PropertyNameCaseInsensitive = true });

    public static TheoryData<string> Hosts => ["local host", "functions worker", "domain json"];

    [Theory]
    [MemberData(nameof(Hosts))]
    public void TeardownInput_RoundTrips_WithTheDatasetIdAsAStringAndTheReasonByWireName(string host)
    {
        var json = Serialize(host, Teardown);

        using var document = JsonDocument.Parse(json);
        Assert.Equal("ds-1", Property(document, "datasetId").GetString());
        Assert.Equal("stage_transition", Property(document, "reason").GetString());
        Assert.Equal(Teardown, Deserialize<TeardownDatasetInput>(host, json));
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public void ProvisionInput_RoundTrips_WithEnumsByWireName(string host)
    {
        var json = Serialize(host, Provision);

        using var document = JsonDocument.Parse(json);
        Assert.Equal("healthcare", Property(document, "industry").GetString());
        Assert.Equal("sandbox", Property(document, "stage").GetString());
        Assert.Equal("confluence_pages", Property(document, "datasetTypes")[0].GetString());
        var back = Deserialize<ProvisionJourneyInput>(host, json)!;
        Assert.Equal(Provision with { DatasetTypes = back.DatasetTypes }, back);
        Assert.Equal(Provision.DatasetTypes, back.DatasetTypes);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public void TeardownResult_WritesTheOutcomeByWireName(string host)
    {
        var result = new TeardownDatasetResult(DatasetId.Create("ds-1"), WorkflowOutcome.AlreadyTearingDown, null, null);

        var json = Serialize(host, result);

        using var document = JsonDocument.Parse(json);
        Assert.Equal("already_tearing_down", Property(document, "outcome").GetString());
        Assert.Equal(result, Deserialize<TeardownDatasetResult>(host, json));
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public void SweepRepair_WritesTheDatasetStatusByWireName(string host)
    {
        // The health sweep's output lists what it repaired; operators read it on the dashboard and the scans route.
        var repaired = new StalledDataset(DatasetId.Create("ds-1"), DatasetStatus.Teardown, RepairAction.ResumeTeardown, "the teardown stopped");

        var json = Serialize(host, repaired);

        using var document = JsonDocument.Parse(json);
        Assert.Equal("teardown", Property(document, "status").GetString());
        Assert.Equal("resume_teardown", Property(document, "repair").GetString());
        Assert.Equal(repaired, Deserialize<StalledDataset>(host, json));
    }

    private static readonly Microsoft.DurableTask.Converters.JsonDataConverter LocalHostConverter = new(FunctionBridge.Json);

    private static string Serialize<T>(string host, T value) => host switch
    {
        "local host" => LocalHostConverter.Serialize(value)!,
        "functions worker" => WorkerSerializer.Serialize(value, typeof(T), CancellationToken.None).ToString(),
        _ => JsonSerializer.Serialize(value, DomainJson.Options),
    };

    private static T? Deserialize<T>(string host, string json) => host switch
    {
        "local host" => LocalHostConverter.Deserialize<T>(json),
        "functions worker" => (T?)WorkerSerializer.Deserialize(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), typeof(T), CancellationToken.None),
        _ => JsonSerializer.Deserialize<T>(json, DomainJson.Options),
    };

    private static JsonElement Property(JsonDocument document, string name) =>
        document.RootElement.EnumerateObject().Single(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
}
