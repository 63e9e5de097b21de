using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using DataOps.Durable.Client;
using DataOps.Durable.Hosting;
using DataOps.Functions;
using DataOps.Functions.Workflows;
using DataOps.GleanEmulator;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataOps.Benchmarks.Workflows;

/// <summary>
/// Request-to-READY on the whole product (function host, durable runtime, Azurite, Glean emulator over HTTP): one
/// sandbox dataset of each type alone, then 20 journeys x 4 types submitted at once.
/// </summary>
public sealed class ProvisioningBenchmarkSuite : IBenchmarkSuite
{
    private const string Key = "bench-key";
    private static readonly string[] Types = ["confluence_pages", "github_repos", "slack_messages", "jira_issues"];

    /// <inheritdoc />
    public string Name => "provisioning";

    /// <inheritdoc />
    public string Description => "request-to-READY per dataset type, and 20 journeys x 4 types at once";

    /// <inheritdoc />
    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        var glean = GleanEmulatorApp.Build(["--urls", "http://127.0.0.1:0"], o => o.MinimumLogLevel = LogLevel.Warning);
        await glean.StartAsync(cancellationToken);
        try
        {
            var builder = FunctionsApplication.CreateBuilder(new FunctionsApplicationOptions { ContentRootPath = AppContext.BaseDirectory, LoadLocalSettings = false });
            builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = DataOpsServiceCollectionExtensions.DefaultSettings });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Host:Urls"] = "http://127.0.0.1:0",
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["FunctionKeys:default"] = Key,
                ["Glean:BaseUrl"] = glean.Urls.Single(),
                ["logging:logLevel:default"] = "Warning",
            });
            builder.Services.AddHttpClient();
            builder.Services.AddDataOps(builder.Configuration);
            builder.AddFunctionsFromAssembly(typeof(DataOpsServiceCollectionExtensions).Assembly);
            await using var host = builder.Build();
            await host.StartAsync(cancellationToken);
            using var http = new HttpClient { BaseAddress = host.BaseAddress };
            http.DefaultRequestHeaders.Add("x-functions-key", Key);
            var durable = host.Services.GetRequiredService<DurableTaskClient>();

            await output.WriteLineAsync(Percentiles.Header);
            foreach (var type in Types)
            {
                var single = await ProvisionAsync(http, durable, [$"single-{type}"], [type], cancellationToken);
                await output.WriteLineAsync(Percentiles.Row($"one {type} dataset, request to READY", single.Latencies));
            }

            var journeys = Enumerable.Range(0, 20).Select(i => $"load-{i:D2}").ToArray();
            var load = await ProvisionAsync(http, durable, journeys, Types, cancellationToken);
            await output.WriteLineAsync(Percentiles.Row("20 journeys x 4 types at once, per journey", load.Latencies));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"20 x 4 = {load.Ready} READY of 80 in {load.Elapsed.TotalSeconds:F1} s: {load.Ready / load.Elapsed.TotalSeconds:F2} datasets/s (10 parallel provisions per request)"));
            await host.StopAsync(cancellationToken);
        }
        finally
        {
            await glean.StopAsync(CancellationToken.None);
            await glean.DisposeAsync();
        }
    }

    private static async Task<(List<TimeSpan> Latencies, int Ready, TimeSpan Elapsed)> ProvisionAsync(HttpClient http, DurableTaskClient durable, string[] journeys, string[] types, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var runs = journeys.Select(async journey =>
        {
            var started = Stopwatch.GetTimestamp();
            var body = new { journeyId = journey, clientId = journey, clientName = journey, industry = "healthcare", useCase = "clinical_workflows", stage = "sandbox", datasetTypes = types, requestedBy = "bench@example.com" };
            using var response = await http.PostAsJsonAsync("api/datasets/provision", body, cancellationToken);
            response.EnsureSuccessStatusCode();
            var id = $"provision:{journey}:sandbox";
            var done = await durable.WaitForInstanceCompletionAsync(id, true, cancellationToken);
            var ready = done.ReadOutputAs<ProvisionJourneyResult>()?.Datasets.Count(d => d.Outcome == WorkflowOutcomes.Ready) ?? 0;
            return (Stopwatch.GetElapsedTime(started), ready);
        }).ToList();
        var results = await Task.WhenAll(runs);
        return (results.Select(r => r.Item1).ToList(), results.Sum(r => r.ready), clock.Elapsed);
    }
}
