using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.EndToEnd;

public sealed class BadInputEndToEndTests(AzuriteFixture azurite)
{
    private const string Valid = """{"journeyId":"j-1","clientId":"acme","clientName":"ACME","industry":"healthcare","useCase":"clinical_workflows","stage":"sandbox","datasetTypes":["confluence_pages"],"requestedBy":"se@example.com"}""";

    public static TheoryData<string, string, string[]> BadBodies => new()
    {
        { "empty body", "", ["body"] },
        { "not JSON", "{journeyId: j-1", ["body"] },
        { "array", "[1,2]", ["body"] },
        { "wrong types", """{"journeyId":1,"clientId":true,"clientName":["x"],"industry":{},"useCase":2,"stage":3,"datasetTypes":"confluence_pages","requestedBy":4}""", ["journeyId", "clientId", "clientName", "industry", "useCase", "stage", "datasetTypes", "requestedBy"] },
        { "missing fields", "{}", ["journeyId", "clientId", "clientName", "industry", "useCase", "stage", "datasetTypes", "requestedBy"] },
        { "unknown enums", Valid.Replace("\"sandbox\"", "\"staging\"", StringComparison.Ordinal).Replace("\"healthcare\"", "\"aerospace\"", StringComparison.Ordinal), ["stage", "industry"] },
        { "empty type list", Valid.Replace("[\"confluence_pages\"]", "[]", StringComparison.Ordinal), ["datasetTypes"] },
        { "duplicate types", Valid.Replace("[\"confluence_pages\"]", "[\"jira_issues\",\"jira_issues\"]", StringComparison.Ordinal), ["datasetTypes[1]"] },
        { "unknown type", Valid.Replace("[\"confluence_pages\"]", "[\"gdrive_files\"]", StringComparison.Ordinal), ["datasetTypes[0]"] },
        { "illegal id characters", Valid.Replace("\"acme\"", "\"ac/me\"", StringComparison.Ordinal).Replace("\"j-1\"", "\"j#1?\"", StringComparison.Ordinal), ["clientId", "journeyId"] },
        { "over-long name", Valid.Replace("\"ACME\"", "\"" + new string('A', 300) + "\"", StringComparison.Ordinal), ["clientName"] },
        { "injection-looking values", Valid.Replace("\"ACME\"", "\"ACME'; DROP TABLE datasets;--\"", StringComparison.Ordinal).Replace("\"clinical_workflows\"", "\"<script>alert(1)</script>\"", StringComparison.Ordinal), ["clientName", "useCase"] },
        { "control characters", Valid.Replace("\"se@example.com\"", "\"se\\u0000@example.com\"", StringComparison.Ordinal), ["requestedBy"] },
        { "unpaired surrogate escapes", Valid.Replace("\"ACME\"", "\"AC\\ud800ME\"", StringComparison.Ordinal).Replace("[\"confluence_pages\"]", "[\"\\udc00\"]", StringComparison.Ordinal), ["clientName", "datasetTypes[0]"] },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Provision_BadBody_400NamingEachFieldAndNothingWritten(string why, string body, string[] fields)
    {
        await using var app = await DataOpsApp.StartAsync(azurite);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await app.Http.PostAsync(new Uri("api/datasets/provision", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(fields, f => Assert.Contains(f, errors));
        await AssertNothingWrittenAsync(app);
    }

    [Fact]
    public async Task Provision_WrongContentTypeOversizeOrNoKey_RefusedAndNothingWritten()
    {
        // A small body limit keeps the oversize body inside the socket buffers, so the early 413 is read, not a reset.
        await using var app = await DataOpsApp.StartAsync(azurite, new Dictionary<string, string?> { ["extensions:http:maxRequestBodySize"] = "4096" });
        using var text = new StringContent(Valid, Encoding.UTF8, "text/plain");
        using var wrongType = await app.Http.PostAsync(new Uri("api/datasets/provision", UriKind.Relative), text, TestContext.Current.CancellationToken);
        using var utf16 = new StringContent(Valid, Encoding.UTF8);
        utf16.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-16" };
        using var wrongCharset = await app.Http.PostAsync(new Uri("api/datasets/provision", UriKind.Relative), utf16, TestContext.Current.CancellationToken);
        using var huge = new StringContent(Valid.Replace("se@example.com", new string('x', 5000), StringComparison.Ordinal), Encoding.UTF8, "application/json");
        using var oversize = await app.Http.PostAsync(new Uri("api/datasets/provision", UriKind.Relative), huge, TestContext.Current.CancellationToken);
        using var anonymous = new HttpClient { BaseAddress = app.Host.BaseAddress };
        using var noKey = await anonymous.PostAsync(new Uri("api/datasets/provision", UriKind.Relative), new StringContent(Valid, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        anonymous.DefaultRequestHeaders.Add("x-functions-key", "wrong");
        using var wrongKey = await anonymous.PostAsync(new Uri("api/datasets/provision", UriKind.Relative), new StringContent(Valid, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongCharset.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversize.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        await AssertNothingWrittenAsync(app);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"type":"JourneyExploded","journeyId":"j-1","clientId":"acme","occurredAt":"2026-01-01T00:00:00Z"}""")]
    [InlineData("""{"type":"JourneyStageChanged","journeyId":"j-1","clientId":"acme","fromStage":"sandbox","toStage":"moon","occurredAt":"2026-01-01T00:00:00Z"}""")]
    [InlineData("""{"type":"JourneyCompleted","journeyId":"j/1","clientId":"acme","occurredAt":"yesterday"}""")]
    [InlineData("""{"type":"DatasetProvisionRequested","journeyId":"j-1"}""")]
    [InlineData("""{"type":"JourneyCompleted","journeyId":"j-\ud800","clientId":"\udc00acme","occurredAt":"2026-01-01T00:00:00Z"}""")]
    public async Task JourneyEvent_Malformed_GoesToPoisonAndNothingWritten(string message)
    {
        // A message the function fails on, rather than rejecting as malformed, would be retried only after ten
        // minutes and miss the wait below: malformed messages must go to the poison queue at once.
        await using var app = await DataOpsApp.StartAsync(azurite, new Dictionary<string, string?> { ["extensions:queues:visibilityTimeout"] = "00:10:00" });

        await app.SendRawJourneyEventAsync(message);

        var poison = new Azure.Storage.Queues.QueueServiceClient(azurite.ConnectionString).GetQueueClient(app.JourneyEvents.Name + "-poison");
        await Eventually.HoldsAsync(
            async () => (await poison.ExistsAsync(cancellationToken: TestContext.Current.CancellationToken)).Value
                && (await poison.GetPropertiesAsync(cancellationToken: TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount == 1,
            "the message is in the poison queue",
            TimeSpan.FromSeconds(30));
        await AssertNothingWrittenAsync(app);
    }

    [Fact]
    public async Task HostStart_CreatesTheRegistryTablesAndEventsQueue_SoLookupsOnlyRead()
    {
        await using var app = await DataOpsApp.StartAsync(azurite);

        // Created before the host reports started, not by the first request that looks a dataset up.
        var tables = new List<string>();
        await foreach (var table in new TableServiceClient(azurite.ConnectionString).QueryAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            tables.Add(table.Name);
        }

        Assert.All(new[] { app.Tables.Datasets, app.Tables.Index, app.Tables.Claims, app.Tables.Audit, app.Tables.QualityChecks, app.Tables.QualityRuns, app.Tables.Connectors, app.Tables.Journeys },
            t => Assert.Contains(t.Name, tables));
        Assert.True((await app.Tables.Events.ExistsAsync(cancellationToken: TestContext.Current.CancellationToken)).Value);
    }

    private static async Task AssertNothingWrittenAsync(DataOpsApp app)
    {
        foreach (var table in new[] { app.Tables.Datasets, app.Tables.Claims, app.Tables.Journeys, app.Tables.Index })
        {
            Assert.Equal(0, await CountAsync(table));
        }

        // Each app has its own template catalog, so its start-up discovery registers every template and audits it on the
        // template's own stream (template:{id}), while the test runs; a refused request writes to no stream at all.
        Assert.Equal(0, await CountAsync(app.Tables.Audit, row => !row.PartitionKey.StartsWith("template:", StringComparison.Ordinal)));

        var instances = 0;
        await foreach (var _ in app.Durable.GetAllInstancesAsync())
        {
            instances++;
        }

        Assert.Equal(0, instances);
        Assert.Empty(await app.Glean.GetRequestsAsync("/api/index"));
        Assert.Empty(await app.Glean.GetRequestsAsync("/rest/api"));
    }

    private static async Task<int> CountAsync(TableClient table, Func<TableEntity, bool>? counted = null)
    {
        try
        {
            var count = 0;
            await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: TestContext.Current.CancellationToken))
            {
                count += counted is null || counted(row) ? 1 : 0;
            }

            return count;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }
}
