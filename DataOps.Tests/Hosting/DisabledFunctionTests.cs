using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DataOps.Tests.Hosting.Functions;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Hosting;

public sealed class DisabledFunctionTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DisabledSetting_NoListenerForTimerOrQueue_HttpIsNotFoundExceptToMasterKey()
    {
        var hostId = AzuriteFixture.UniqueName("disabled");
        var enabledQueue = AzuriteFixture.UniqueName("enabledq");
        var disabledQueue = AzuriteFixture.UniqueName("disabledq");
        await using var host = await TestFunctionHost.StartAsync(azurite, [typeof(DisabledProbeFunctions)], new Dictionary<string, string?>
        {
            ["AzureFunctionsWebHost:hostid"] = hostId,
            ["Test:EnabledQueue"] = enabledQueue,
            ["Test:DisabledQueue"] = disabledQueue,
            ["AzureWebJobs.DisabledAtStartup.Disabled"] = "true",
            ["AzureWebJobs.DisabledQueue.Disabled"] = "1",
            ["AzureWebJobs.DisabledHttp.Disabled"] = "True",
            ["AzureWebJobs.EnabledQueue.Disabled"] = "false",
        });
        var queues = new QueueServiceClient(azurite.ConnectionString);
        var locks = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("azure-webjobs-hosts");

        // A disabled queue function has no listener: of one message on each queue, only the enabled one's is handled.
        foreach (var name in new[] { disabledQueue, enabledQueue })
        {
            await queues.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: Ct);
            await queues.GetQueueClient(name).SendMessageAsync(Convert.ToBase64String("probe"u8.ToArray()), cancellationToken: Ct);
        }

        await Eventually.HoldsAsync(() => host.Recorder.Count(nameof(DisabledProbeFunctions.EnabledQueue)) == 1, "the enabled queue function runs");
        Assert.Equal(0, host.Recorder.Count(nameof(DisabledProbeFunctions.DisabledQueue)));
        Assert.Equal(1, (await queues.GetQueueClient(disabledQueue).GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount);

        // Both timers run on start-up when enabled; once the enabled one has run and saved its status, the
        // disabled one has neither run nor taken its lock.
        await Eventually.HoldsAsync(() => host.Recorder.Count(nameof(DisabledProbeFunctions.EnabledAtStartup)) == 1, "the enabled timer runs on start-up");
        await Eventually.HoldsAsync(
            async () => (await locks.GetBlobClient($"timers/{hostId}/{nameof(DisabledProbeFunctions.EnabledAtStartup)}/status").ExistsAsync(cancellationToken: Ct)).Value,
            "the enabled timer saves its schedule status");
        Assert.Equal(0, host.Recorder.Count(nameof(DisabledProbeFunctions.DisabledAtStartup)));
        Assert.False((await locks.GetBlobClient($"locks/{hostId}/{nameof(DisabledProbeFunctions.DisabledAtStartup)}.listener").ExistsAsync(cancellationToken: Ct)).Value);
        Assert.False((await locks.GetBlobClient($"timers/{hostId}/{nameof(DisabledProbeFunctions.DisabledAtStartup)}/status").ExistsAsync(cancellationToken: Ct)).Value);

        using var anonymous = await host.Client.GetAsync(new Uri("api/probe/disabled", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        var problem = await anonymous.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("AzureWebJobs.DisabledHttp.Disabled", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var functionKey = new HttpRequestMessage(HttpMethod.Get, "api/probe/disabled");
        functionKey.Headers.Add("x-functions-key", TestFunctionHost.Key);
        using var withFunctionKey = await host.Client.SendAsync(functionKey, Ct);
        Assert.Equal(HttpStatusCode.NotFound, withFunctionKey.StatusCode);

        using var master = new HttpRequestMessage(HttpMethod.Get, "api/probe/disabled");
        master.Headers.Add("x-functions-key", TestFunctionHost.MasterKey);
        using var withMasterKey = await host.Client.SendAsync(master, Ct);
        Assert.Equal(HttpStatusCode.OK, withMasterKey.StatusCode);
        Assert.Equal("ran", await withMasterKey.Content.ReadAsStringAsync(Ct));
    }
}
