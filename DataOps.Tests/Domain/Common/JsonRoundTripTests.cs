using System.Text.Json;
using System.Text.Json.Serialization;
using DataOps.Domain.Connectors;
using DataOps.Domain.Datasets;
using DataOps.Domain.Events;
using DataOps.Domain.Quality;
using DataOps.Domain.Templates;
using static DataOps.Tests.Domain.Builders;
using DatasetAggregate = DataOps.Domain.Datasets.Dataset;

namespace DataOps.Tests.Domain.Common;

public sealed class JsonRoundTripTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    [Fact]
    public void Serialize_Ids_AsPlainStrings()
    {
        var json = JsonSerializer.Serialize(new { id = DatasetId.Create("ds-1"), connector = ConnectorName.Create("ACME-sandbox-jira") }, Options);

        Assert.Equal("{\"id\":\"ds-1\",\"connector\":\"ACME-sandbox-jira\"}", json);
    }

    [Theory]
    [InlineData("\"a/b\"")]
    [InlineData("\"\"")]
    [InlineData("42")]
    public void Deserialize_InvalidId_ThrowsJsonExceptionWithReason(string json)
        => Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DatasetId>(json, Options));

    [Fact]
    public void Deserialize_IdAsDictionaryKey_RoundTrips()
    {
        var map = new Dictionary<JourneyId, int> { [JourneyId.Create("j-1")] = 3 };

        var json = JsonSerializer.Serialize(map, Options);

        Assert.Equal("{\"j-1\":3}", json);
        Assert.Equal(3, JsonSerializer.Deserialize<Dictionary<JourneyId, int>>(json, Options)![JourneyId.Create("j-1")]);
    }

    [Theory]
    [InlineData(DatasetStatus.Ready)]
    [InlineData(DatasetStatus.Failed)]
    [InlineData(DatasetStatus.Archived)]
    public void Snapshot_JsonRoundTrip_RestoresSameDataset(DatasetStatus status)
    {
        var dataset = Dataset().BuildIn(status);
        if (status == DatasetStatus.Failed)
        {
            dataset.RetryProvisioning(T0.AddHours(1));
            dataset.StartValidation(T0.AddHours(2));
            dataset.MarkFailed(FailingDecision(T0.AddHours(3)), T0.AddHours(3));
        }

        var json = JsonSerializer.Serialize(dataset.ToSnapshot(), Options);
        var restored = DatasetAggregate.Restore(JsonSerializer.Deserialize<DatasetSnapshot>(json, Options)!);

        Assert.Equal(dataset.ToSnapshot(), restored.ToSnapshot());
        Assert.Contains("\"status\":\"" + status.ToWireName() + "\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void DomainEvent_JsonRoundTrip_Equal()
    {
        var dataset = Dataset().Build();
        var started = (DatasetProvisioningStarted)dataset.DomainEvents.Single();

        var json = JsonSerializer.Serialize(started, Options);
        var back = JsonSerializer.Deserialize<DatasetProvisioningStarted>(json, Options);

        Assert.Equal(started, back);
        Assert.Contains("\"eventType\":\"DatasetProvisioningStarted\"", json, StringComparison.Ordinal);
        Assert.Contains("\"datasetId\":\"ds-1\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void TemplateDescriptorAndWeights_JsonRoundTrip_Equal()
    {
        var template = Template(Industry.Healthcare, "clinical_workflows", DatasetType.JiraIssues, recordCount: 120);
        var weights = QualityWeights.Create(0.25, 0.25, 0.25, 0.25);
        var thresholds = QualityThresholds.Default;

        Assert.Equal(template, JsonSerializer.Deserialize<TemplateDescriptor>(JsonSerializer.Serialize(template, Options), Options));
        Assert.Equal(weights, JsonSerializer.Deserialize<QualityWeights>(JsonSerializer.Serialize(weights, Options), Options));
        Assert.Equal(thresholds, JsonSerializer.Deserialize<QualityThresholds>(JsonSerializer.Serialize(thresholds, Options), Options));
    }

    [Fact]
    public void QualityCheckResult_JsonRoundTrip_KeepsFindings()
    {
        var result = new QualityCheckResult(QualityCheckType.Completeness, 90, 95, false, ["too few"], ["w"], new Dictionary<string, string> { ["records"] = "9" });

        var back = JsonSerializer.Deserialize<QualityCheckResult>(JsonSerializer.Serialize(result, Options), Options)!;

        Assert.Equal((result.Type, result.Score, result.Threshold, result.Passed), (back.Type, back.Score, back.Threshold, back.Passed));
        Assert.Equal(result.Errors, back.Errors);
        Assert.Equal(result.Warnings, back.Warnings);
        Assert.Equal("9", back.Details["records"]);
    }

    [Fact]
    public void ProvisionRequested_JsonRoundTrip_KeepsTypes()
    {
        var e = DatasetProvisionRequested.Create(JourneyId.Create("j"), ClientId.Create("c"), Stage.Sandbox, [DatasetType.ConfluencePages, DatasetType.GithubRepos], "ops", T0);

        var json = JsonSerializer.Serialize(e, Options);
        var back = JsonSerializer.Deserialize<DatasetProvisionRequested>(json, Options)!;

        Assert.Contains("\"datasetTypes\":[\"confluence_pages\",\"github_repos\"]", json, StringComparison.Ordinal);
        Assert.Equal(e, back);
    }

    [Fact]
    public void QualityWeights_JsonNotSummingToOne_Rejected()
        => Assert.ThrowsAny<Exception>(() => JsonSerializer.Deserialize<QualityWeights>("{\"schema\":0.5,\"completeness\":0.5,\"connectorHealth\":0.5,\"sampleQueries\":0}", Options));
}
