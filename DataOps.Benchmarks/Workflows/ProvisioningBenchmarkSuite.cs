using System.Globalization;
using DataOps.GleanEmulator;
using DataOps.LocalHost;
using DataOps.LocalHost.Hosting;
using DataOps.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataOps.Benchmarks.Workflows;

/// <summary>
/// Request-to-READY on the whole product (function host, durable engine, Azurite, Glean emulator over HTTP): one
/// sandbox dataset of each type alone, then 20 journeys x 4 types submitted at once.
/// </summary>
public sealed class ProvisioningBenchmarkSuite : IBenchmarkSuite
{
    private const string Key = "bench-key";
    private static readonly string[] Types = ["confluence_pages", "github_repos", "slack_messages", "jira_issues"];
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <inheritdoc />
    public string Name => "provisioning";

    /// <inheritdoc />
    public string Description => "request-to-READY per dataset type, and 20 journeys x 4 types at once";

    /// <inheritdoc />
    public async Task RunAsync(TextWriter output, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        var glean = GleanEmulatorApp.Build(["--urls", "http://127.0.0.1:0"], o => o.MinimumLogLevel = LogLevel.Warning);
        await glean.StartAsync(cancellationToken);
        try
        {
            var builder = DataOpsLocalHost.CreateBuilder(new LocalFunctionsHostOptions { ContentRootPath = AppContext.BaseDirectory, LoadLocalSettings = false });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Host:Urls"] = "http://127.0.0.1:0",
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["FunctionKeys:default"] = Key,
                ["Glean:BaseUrl"] = glean.Urls.Single(),
                ["logging:logLevel:default"] = "Warning",
                ["logging:logLevel:DataOps"] = "Warning",
            });
            builder.AddDataOpsApp();
            await using var host = builder.Build();
            await host.StartAsync(cancellationToken);
            using var http = new HttpClient { BaseAddress = host.BaseAddress };
            http.DefaultRequestHeaders.Add("x-functions-key", Key);
            var durable = host.Services.GetRequiredService<DurableTaskClient>();

            await output.WriteLineAsync(Percentiles.Header);
            foreach (var type in Types)
            {
                var single = await JourneyLoad.RunAsync(http, q => durable.GetAllInstancesAsync(q), $"single-{type}", 1, [type], Timeout, null, cancellationToken);
                await output.WriteLineAsync(Percentiles.Row($"one {type} dataset, request to READY", single.ReadyLatencies));
            }

            var load = await JourneyLoad.RunAsync(http, q => durable.GetAllInstancesAsync(q), "load", 20, Types, Timeout, null, cancellationToken);
            await output.WriteLineAsync(Percentiles.Row("20 journeys x 4 types at once, per journey", load.JourneyLatencies));
            await output.WriteLineAsync(Percentiles.Row("20 journeys x 4 types at once, per dataset", load.ReadyLatencies));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"20 x 4 = {load.Ready} READY of {load.Requested} in {load.Elapsed.TotalSeconds:F1} s: {load.ReadyPerSecond:F2} datasets/s (10 parallel provisions per request)"));
            await host.StopAsync(cancellationToken);
        }
        finally
        {
            await glean.StopAsync(CancellationToken.None);
            await glean.DisposeAsync();
        }
    }
}
