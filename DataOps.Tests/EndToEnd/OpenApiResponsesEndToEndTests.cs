using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataOps.Tests.Infrastructure;
using Json.Schema;

namespace DataOps.Tests.EndToEnd;

/// <summary>
/// The API's answers are what its description says: every read route, and every command answer with a body, is
/// called on a running app holding a dataset through its whole life (ready, then torn down and archived), and each
/// body is evaluated against the schema the served <c>/api/openapi.json</c> names for that status.
/// </summary>
public sealed class OpenApiResponsesEndToEndTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryAnswer_MatchesTheSchemaTheServedDescriptionNames()
    {
        await using var app = await DataOpsApp.StartAsync(azurite);
        var description = await ReadDescriptionAsync(app);
        var checkedRoutes = new List<string>();

        async Task<JsonElement> CheckAsync(HttpMethod method, string path, string route, HttpStatusCode status, object? body = null)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = JsonContent(body);
            }

            using var response = await app.Http.SendAsync(request, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(status == response.StatusCode, $"{method} {path} answered {(int)response.StatusCode}, not {(int)status}: {text}");
            var schemaName = SchemaOf(description, route, method.Method.ToLowerInvariant(), (int)status);
            var schema = JsonSchema.FromText(description["components"]!["schemas"]![schemaName]!.ToJsonString());
            using var json = JsonDocument.Parse(text);
            var result = schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, $"{method} {path} ({schemaName}) does not match its schema: {Failures(result)}\n{text}");
            checkedRoutes.Add($"{method.Method} {route}");
            return json.RootElement.Clone();
        }

        await CheckAsync(HttpMethod.Post, "api/datasets/provision", "/datasets/provision", HttpStatusCode.Accepted, DataOpsApp.ProvisionBody("schema-1", "schema-client", "Schema Client", "jira_issues"));
        await app.WaitForCompletionAsync("provision:schema-1:sandbox", TimeSpan.FromSeconds(120));

        var list = await CheckAsync(HttpMethod.Get, "api/datasets?journeyId=schema-1", "/datasets", HttpStatusCode.OK);
        var id = Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("datasetId").GetString()!;
        var detail = await CheckAsync(HttpMethod.Get, $"api/datasets/{id}", "/datasets/{id}", HttpStatusCode.OK);
        Assert.Equal(4, detail.GetProperty("qualityChecks").GetArrayLength());
        Assert.NotEqual(0, (await CheckAsync(HttpMethod.Get, $"api/datasets/{id}/timeline", "/datasets/{id}/timeline", HttpStatusCode.OK)).GetProperty("events").GetArrayLength());
        Assert.NotEqual(0, (await CheckAsync(HttpMethod.Get, $"api/datasets/{id}/orchestrations", "/datasets/{id}/orchestrations", HttpStatusCode.OK)).GetProperty("instances").GetArrayLength());
        await CheckAsync(HttpMethod.Get, "api/operations/summary", "/operations/summary", HttpStatusCode.OK);
        await CheckAsync(HttpMethod.Get, "api/operations/scans", "/operations/scans", HttpStatusCode.OK);
        var metrics = await CheckAsync(HttpMethod.Get, "api/operations/metrics", "/operations/metrics", HttpStatusCode.OK);
        Assert.Equal(6, metrics.GetProperty("metrics").GetArrayLength());
        foreach (var report in new[] { "datasets_by_stage_by_client", "data_quality_trends", "connector_health_summary", "orphaned_datasets_check" })
        {
            var stored = await CheckAsync(HttpMethod.Post, "api/reports/produce", "/reports/produce", HttpStatusCode.OK, new { report });
            var document = await CheckAsync(HttpMethod.Get, $"api/reports/{report}/{stored.GetProperty("date").GetString()}", "/reports/{name}/{date}", HttpStatusCode.OK);
            Assert.Equal(report, document.GetProperty("report").GetString());
        }

        var reports = await CheckAsync(HttpMethod.Get, "api/reports", "/reports", HttpStatusCode.OK);
        Assert.All(reports.GetProperty("reports").EnumerateArray(), r => Assert.Equal(1, r.GetProperty("dates").GetArrayLength()));
        await CheckAsync(HttpMethod.Get, "api/me", "/me", HttpStatusCode.OK);
        await CheckAsync(HttpMethod.Get, "api/health", "/health", HttpStatusCode.OK);
        var templates = await CheckAsync(HttpMethod.Get, "api/templates", "/templates", HttpStatusCode.OK);
        var templateId = templates.GetProperty("items")[0].GetProperty("templateId").GetString()!;
        await CheckAsync(HttpMethod.Get, $"api/templates/{templateId}", "/templates/{id}", HttpStatusCode.OK);
        await CheckAsync(HttpMethod.Post, "api/templates/recommend", "/templates/recommend", HttpStatusCode.OK, new { industry = "healthcare", useCase = "clinical_workflows" });
        await CheckAsync(HttpMethod.Post, "api/templates/discover", "/templates/discover", HttpStatusCode.OK);
        await CheckAsync(HttpMethod.Post, "api/datasets/retry", "/datasets/retry", HttpStatusCode.OK, new { journeyId = "schema-1" });
        var validation = await CheckAsync(HttpMethod.Post, $"api/datasets/{id}/validate", "/datasets/{id}/validate", HttpStatusCode.Accepted);
        await app.WaitForCompletionAsync(validation.GetProperty("id").GetString()!, TimeSpan.FromSeconds(60));
        var quality = await CheckAsync(HttpMethod.Get, $"api/datasets/{id}/quality", "/datasets/{id}/quality", HttpStatusCode.OK);
        Assert.Equal(["provisioning", "manual"], quality.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("trigger").GetString()));
        Assert.All(quality.GetProperty("runs").EnumerateArray(), r => Assert.Equal("ready", r.GetProperty("outcome").GetString()));
        var trend = await CheckAsync(HttpMethod.Get, "api/quality/trends?clientId=schema-client&days=7", "/quality/trends", HttpStatusCode.OK);
        Assert.Equal(2, trend.GetProperty("total").GetProperty("runs").GetInt32());
        Assert.Equal(7, trend.GetProperty("days").GetArrayLength());

        async Task TearDownUntilArchivedAsync()
        {
            await CheckAsync(HttpMethod.Post, $"api/datasets/{id}/teardown", "/datasets/{id}/teardown", HttpStatusCode.Accepted, new { reason = "manual", force = true });
            await Eventually.HoldsAsync(
                async () => (await app.GetJsonAsync($"api/datasets/{id}")).GetProperty("dataset").GetProperty("deleteAfter").ValueKind == JsonValueKind.String,
                "the teardown has archived the dataset and waits out its grace period",
                TimeSpan.FromSeconds(60));
        }

        await TearDownUntilArchivedAsync();
        var teardowns = await CheckAsync(HttpMethod.Get, "api/teardowns", "/teardowns", HttpStatusCode.OK);
        Assert.NotEqual(0, teardowns.GetProperty("items").GetArrayLength());
        var archive = await CheckAsync(HttpMethod.Get, $"api/datasets/{id}/archive", "/datasets/{id}/archive", HttpStatusCode.OK);
        Assert.NotEqual(0, archive.GetProperty("blobs").GetArrayLength());
        await CheckAsync(HttpMethod.Post, $"api/teardowns/{id}/extend", "/teardowns/{id}/extend", HttpStatusCode.Accepted, new { hours = 2, reason = "the client reviews the archive" });
        await CheckAsync(HttpMethod.Post, $"api/teardowns/{id}/cancel", "/teardowns/{id}/cancel", HttpStatusCode.Accepted, new { reason = "torn down by mistake" });
        await app.WaitForCompletionAsync($"teardown:{id}", TimeSpan.FromSeconds(90));
        await Eventually.HoldsAsync(
            async () => (await app.GetJsonAsync($"api/datasets/{id}")).GetProperty("dataset").GetProperty("status").GetString() == "ready",
            "the cancelled teardown has restored the dataset",
            TimeSpan.FromSeconds(90));
        await TearDownUntilArchivedAsync();
        await CheckAsync(HttpMethod.Post, $"api/teardowns/{id}/terminate", "/teardowns/{id}/terminate", HttpStatusCode.Accepted, new { reason = "kept after all" });

        // Every route whose success answer the description gives a schema was called above, but a retry, which needs a
        // FAILED dataset: its 202 is the same orchestration status the provision and validate answers were checked against.
        string[] notCalled = ["POST /datasets/{id}/retry"];
        Assert.Equal(JsonBodies(description).Except(notCalled).Order(StringComparer.Ordinal), checkedRoutes.Distinct().Order(StringComparer.Ordinal));
    }

    private static async Task<JsonNode> ReadDescriptionAsync(DataOpsApp app)
    {
        using var response = await app.Http.GetAsync(new Uri("api/openapi.json", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
    }

    private static string SchemaOf(JsonNode description, string route, string method, int status)
    {
        var content = description["paths"]![route]![method]!["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)]!["content"]!;
        var reference = content["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        return reference[(reference.LastIndexOf('/') + 1)..];
    }

    /// <summary>"METHOD /route" of every operation with a JSON success answer whose schema is a component.</summary>
    private static IEnumerable<string> JsonBodies(JsonNode description)
    {
        foreach (var (route, item) in description["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var answers = operation!["responses"]!.AsObject().Where(r => r.Key.StartsWith('2') && r.Value!["content"]?["application/json"]?["schema"]?["$ref"] is not null);
                if (answers.Any())
                {
                    yield return $"{method.ToUpperInvariant()} {route}";
                }
            }
        }
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    private static string Failures(EvaluationResults result)
        => string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")));
}
