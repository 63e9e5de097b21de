using System.Net;
using System.Text.Json;
using DataOps.Domain.Datasets;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;
using DataOps.Glean;
using DataOps.Glean.Model;
using DataOps.Tests.GleanEmulator;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.EndToEnd;

/// <summary>
/// The production READY rule: the product never populates production (the client's own connector does); connector
/// health and the sample queries run for real against the production datasource, schema and completeness are not
/// applicable, and the score is over health and queries only.
/// </summary>
public sealed class ProductionEndToEndTests(AzuriteFixture azurite)
{
    private const string ConnectorName = "ACME-production-jira";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Body(string journeyId) => new
    {
        journeyId,
        clientId = "acme",
        clientName = "ACME",
        industry = "healthcare",
        useCase = "clinical_workflows",
        stage = "production",
        datasetTypes = new[] { "jira_issues" },
        requestedBy = "se@example.com",
    };

    [Fact]
    public async Task Provision_ProductionDatasourceTheClientFilled_ReadyWithTheScoreOverHealthAndQueries()
    {
        await using var app = await DataOpsApp.StartAsync(azurite);
        var datasource = await FillAsTheClientAsync(app, documents: SampleQueries.Defaults(DatasetType.JiraIssues));
        await app.Glean.ClearRequestsAsync();

        using var response = await app.PostJsonAsync("api/datasets/provision", Body("j-prod"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var outcome = (await app.WaitForCompletionAsync("provision:j-prod:production")).ReadOutputAs<ProvisionJourneyResult>()!.Datasets.Single();

        var history = await app.Service<QualityHistoryStore>().ReadAsync(outcome.DatasetId.Value, Ct);
        Assert.True(outcome.Outcome == WorkflowOutcome.Ready, $"{outcome.Error}: {string.Join("; ", history.SelectMany(c => c.Check.Errors).Take(12))}");
        Assert.Equal(100, outcome.QualityScore);
        var dataset = (await app.Registry.GetAsync(outcome.DatasetId, Ct))!.Dataset;
        Assert.Equal(0, dataset.RecordCount);
        Assert.Equal([QualityCheckType.Schema, QualityCheckType.Completeness], dataset.QualityScore!.NotApplicableChecks);
        Assert.Equal(100, dataset.QualityScore.ConnectorHealth);
        Assert.Equal(100, dataset.QualityScore.SampleQueries);

        // The ten sample queries searched the production datasource, and found the client's documents there.
        var searches = await app.Glean.GetRequestsAsync("/rest/api/v1/search");
        Assert.Equal(SampleQueries.Count, searches.Count(r => r.Status == 200));
        Assert.Equal(3, (await app.Glean.GetDatasourceAsync(datasource))!.DocumentCount);

        var detail = await app.GetJsonAsync("api/datasets/" + outcome.DatasetId.Value);
        Assert.Equal(100, detail.GetProperty("dataset").GetProperty("qualityScore").GetDouble());
        var checks = detail.GetProperty("qualityChecks").EnumerateArray().ToDictionary(c => c.GetProperty("checkType").GetString()!);
        foreach (var notApplicable in new[] { "schema", "completeness" })
        {
            Assert.True(checks[notApplicable].GetProperty("notApplicable").GetBoolean());
            Assert.Equal(JsonValueKind.Null, checks[notApplicable].GetProperty("score").ValueKind);
        }

        foreach (var applied in new[] { "connector_health", "sample_queries" })
        {
            Assert.False(checks[applied].GetProperty("notApplicable").GetBoolean());
            Assert.Equal(100, checks[applied].GetProperty("score").GetDouble());
        }
    }

    [Fact]
    public async Task Provision_ProductionDatasourceStillEmpty_FailsOnTheSampleQueriesSayingSo()
    {
        await using var app = await DataOpsApp.StartAsync(azurite);

        using var response = await app.PostJsonAsync("api/datasets/provision", Body("j-prod-empty"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var outcome = (await app.WaitForCompletionAsync("provision:j-prod-empty:production")).ReadOutputAs<ProvisionJourneyResult>()!.Datasets.Single();

        Assert.Equal(WorkflowOutcome.Failed, outcome.Outcome);
        Assert.Equal(
            "failed: sample_queries 0 (threshold 100); overall 62.5 < 95 over connector_health, sample_queries; not applicable: schema, completeness",
            outcome.Error);
        var dataset = (await app.Registry.GetAsync(outcome.DatasetId, Ct))!.Dataset;
        Assert.Equal(DatasetStatus.Failed, dataset.Status);
        Assert.Equal([QualityCheckType.SampleQueries], dataset.FailedChecks);
        var queries = (await app.Service<QualityHistoryStore>().ReadAsync(outcome.DatasetId.Value, Ct)).Single(c => c.Check.CheckType == QualityCheckType.SampleQueries).Check;
        var error = Assert.Single(queries.Errors);
        Assert.Contains("holds no documents: the client's connector has not filled it yet", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// What the client's own connector does before the product validates: the datasource under the production connector's
    /// name, filled through Glean's indexing API with one document per given title.
    /// </summary>
    private static async Task<string> FillAsTheClientAsync(DataOpsApp app, IReadOnlyList<string> documents)
    {
        var connector = await app.Service<IGleanConnectorService>().CreateConnectorAsync(new ConnectorSpec(ConnectorName, DatasetType.JiraIssues, Stage.Production), Ct);
        // Three documents carry the type's ten generic query terms between them, as real issues would.
        var issues = documents.Chunk(4).Select((terms, i) => new
        {
            datasource = connector.DatasourceName,
            id = $"PROD-{i + 1}",
            objectType = connector.ObjectType,
            title = string.Join(' ', terms),
            viewURL = new Uri(connector.ViewUrlBase, $"browse/PROD-{i + 1}").ToString(),
            body = new { mimeType = "text/plain", textContent = "Reported by the client's support desk: " + string.Join(", ", terms) },
            permissions = new { allowAllDatasourceUsersAccess = true },
            createdAt = 1_740_000_000L,
            updatedAt = 1_740_000_100L,
        }).ToArray();
        var (status, body, _) = await app.Glean.PostAsync("api/index/v1/indexdocuments", new { datasource = connector.DatasourceName, documents = issues });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return connector.DatasourceName;
    }
}
