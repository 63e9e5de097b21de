using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataOps.Testing;
using DataOps.Tests.Hosting.Functions;
using DataOps.Tests.Infrastructure;
using DataOps.Tests.LocalHost.TaskHub;
using Microsoft.Extensions.DependencyInjection;

namespace DataOps.Tests.Hosting.ManagementApi;

/// <summary>
/// The management API is the documented one: Microsoft's Node.js Durable Functions client (<c>durable-functions</c>,
/// pinned in package.json) drives it through <c>durable-client.js</c> with the client binding data the Functions host
/// hands a JavaScript function: start, status with input and history, suspend, resume, raise event, terminate, rewind,
/// list all and by filter, purge one and by filter. Listing page by page is checked with raw HTTP.
/// </summary>
public sealed class NodeDurableClientTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NodeDurableClient_EveryManagementOperation_Works()
    {
        await using var host = await StartAsync();

        var result = await RunNodeAsync(host.Host.BaseAddress.AbsoluteUri, TestFunctionHost.Key);

        Assert.Equal("node", result.GetProperty("input").GetProperty("requestedBy").GetString());
        Assert.Equal("waiting for node", result.GetProperty("customStatus").GetString());
        Assert.Equal("Suspended", result.GetProperty("suspended").GetString());
        Assert.Equal("Running", result.GetProperty("resumed").GetString());
        Assert.Equal("node", result.GetProperty("output").GetProperty("approver").GetString());
        var history = result.GetProperty("history").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("ExecutionStarted", history);
        Assert.Contains("EventRaised", history);
        Assert.Contains("ExecutionCompleted", history);
        Assert.Equal("Terminated", result.GetProperty("terminated").GetProperty("status").GetString());
        Assert.Equal("no longer needed", result.GetProperty("terminated").GetProperty("output").GetString());
        Assert.True(result.GetProperty("rewound").GetBoolean());
        Assert.Equal(3, result.GetProperty("listed").GetInt32());
        Assert.Single(result.GetProperty("filtered").EnumerateArray());
        Assert.Equal(1, result.GetProperty("purgedOne").GetInt32());
        Assert.True(result.GetProperty("purgedByFilter").GetInt32() >= 1);
        Assert.StartsWith("gone", result.GetProperty("afterPurge").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListInstances_PageByPage_FollowsTheContinuationToken()
    {
        await using var host = await StartAsync();
        var client = host.Host.Services.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>();
        var prefix = AzuriteFixture.UniqueName("page");
        for (var i = 0; i < 5; i++)
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(TaskHubTestTasks.Noop), "p", new Microsoft.DurableTask.StartOrchestrationOptions($"{prefix}-{i}"), Ct);
        }

        var seen = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/runtime/webhooks/durabletask/instances?instanceIdPrefix={prefix}&top=2");
            request.Headers.Add("x-functions-key", TestFunctionHost.Key);
            if (continuation is not null)
            {
                request.Headers.Add("x-ms-continuation-token", continuation);
            }

            using var response = await host.Client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.True(page.GetArrayLength() <= 2);
            seen.AddRange(page.EnumerateArray().Select(i => i.GetProperty("instanceId").GetString()!));
            continuation = response.Headers.TryGetValues("x-ms-continuation-token", out var tokens) ? tokens.Single() : null;
            pages++;
        }
        while (!string.IsNullOrEmpty(continuation) && continuation != "null" && pages < 10);

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"{prefix}-{i}").Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.True(pages >= 3, $"{pages} pages");
    }

    private Task<TestFunctionHost> StartAsync() =>
        TestFunctionHost.StartAsync(azurite, [typeof(StarterFunctions), typeof(TaskHubTestFunctions)]);

    private static async Task<JsonElement> RunNodeAsync(string origin, string key)
    {
        var root = RepositoryRoot.Find();
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(root, "DataOps.Tests", "Hosting", "ManagementApi", "durable-client.js"));
        info.ArgumentList.Add(origin);
        info.ArgumentList.Add(key);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            limit.CancelAfter(TimeSpan.FromMinutes(3));
            var stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
            var stderr = process.StandardError.ReadToEndAsync(limit.Token);
            await process.WaitForExitAsync(limit.Token);
            Assert.True(process.ExitCode == 0, $"durable-client.js failed: {await stderr}");
            return JsonDocument.Parse(await stdout).RootElement.Clone();
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
