using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataOps.Tests.Hosting.Functions;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Hosting;

public sealed class DurableManagementApiTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_CheckStatusResponse_Returns202LocationAndAbsoluteLinks()
    {
        await using var host = await StartAsync();

        using var response = await SendAsync(host, HttpMethod.Post, "/api/approvals");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = body.GetProperty("id").GetString()!;
        var instance = new Uri(host.Host.BaseAddress, "/runtime/webhooks/durabletask/instances/" + id).AbsoluteUri;
        Assert.Equal(instance, response.Headers.Location?.AbsoluteUri);
        Assert.Equal(instance, body.GetProperty("statusQueryGetUri").GetString());
        Assert.Equal(instance + "/raiseEvent/{eventName}", body.GetProperty("sendEventPostUri").GetString());
        Assert.Equal(instance + "/terminate?reason={text}", body.GetProperty("terminatePostUri").GetString());
        Assert.Equal(instance, body.GetProperty("purgeHistoryDeleteUri").GetString());
        Assert.Equal(instance + "/suspend?reason={text}", body.GetProperty("suspendPostUri").GetString());
        Assert.Equal(instance + "/resume?reason={text}", body.GetProperty("resumePostUri").GetString());
    }

    [Fact]
    public async Task RoundTrip_PollRaiseEventPurge_FollowsDurableFunctionsStatusCodes()
    {
        await using var host = await StartAsync();
        var links = await StartInstanceAsync(host);

        using (var pending = await SendAsync(host, HttpMethod.Get, links.Status))
        {
            Assert.Equal(HttpStatusCode.Accepted, pending.StatusCode);
            Assert.Equal(links.Status, pending.Headers.Location?.AbsoluteUri);
            var status = await pending.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Contains(status.GetProperty("runtimeStatus").GetString(), new[] { "Pending", "Running" });
            Assert.Equal("alice", status.GetProperty("input").GetProperty("requestedBy").GetString());
            Assert.Equal("Approval", status.GetProperty("name").GetString());
            Assert.Equal(links.Id, status.GetProperty("instanceId").GetString());
        }

        var running = await PollUntilStatusAsync(host, links.Status, "Running");
        Assert.Equal("waiting for alice", running.GetProperty("customStatus").GetString());

        using (var raised = await SendAsync(host, HttpMethod.Post, links.Status + "/raiseEvent/approve", """{"approver":"bob"}"""))
        {
            Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);
        }

        var completed = await PollUntilFinishedAsync(host, links.Status);
        Assert.Equal("Completed", completed.GetProperty("runtimeStatus").GetString());
        Assert.Equal("bob", completed.GetProperty("output").GetProperty("approver").GetString());

        using (var late = await SendAsync(host, HttpMethod.Post, links.Status + "/raiseEvent/approve", "{}"))
        {
            AssertStatus(late, HttpStatusCode.Gone);
        }

        using (var purged = await SendAsync(host, HttpMethod.Delete, links.Status))
        {
            Assert.Equal(HttpStatusCode.OK, purged.StatusCode);
            Assert.Equal(1, (await purged.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("instancesDeleted").GetInt32());
        }

        using var gone = await SendAsync(host, HttpMethod.Get, links.Status);
        AssertStatus(gone, HttpStatusCode.NotFound);
        using var purgedAgain = await SendAsync(host, HttpMethod.Delete, links.Status);
        AssertStatus(purgedAgain, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Terminate_RunningInstance_EndsTerminatedWithReasonThenRefuses410()
    {
        await using var host = await StartAsync();
        var links = await StartInstanceAsync(host);
        await PollUntilStatusAsync(host, links.Status, "Running");

        using var suspend = await SendAsync(host, HttpMethod.Post, links.Status + "/suspend?reason=hold");
        Assert.Equal(HttpStatusCode.Accepted, suspend.StatusCode);
        await PollUntilStatusAsync(host, links.Status, "Suspended");
        using var resume = await SendAsync(host, HttpMethod.Post, links.Status + "/resume?reason=go");
        Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        await PollUntilStatusAsync(host, links.Status, "Running");
        // The extension refuses to purge an instance that has not finished with 412 Precondition Failed.
        using var purgeRunning = await SendAsync(host, HttpMethod.Delete, links.Status);
        AssertStatus(purgeRunning, HttpStatusCode.PreconditionFailed);

        using var terminate = await SendAsync(host, HttpMethod.Post, links.Status + "/terminate?reason=" + Uri.EscapeDataString("no longer needed"));
        Assert.Equal(HttpStatusCode.Accepted, terminate.StatusCode);

        var final = await PollUntilFinishedAsync(host, links.Status);
        Assert.Equal("Terminated", final.GetProperty("runtimeStatus").GetString());
        Assert.Equal("no longer needed", final.GetProperty("output").GetString());
        using var again = await SendAsync(host, HttpMethod.Post, links.Status + "/terminate");
        AssertStatus(again, HttpStatusCode.Gone);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("DELETE", "")]
    [InlineData("POST", "/raiseEvent/approve")]
    [InlineData("POST", "/terminate?reason=x")]
    [InlineData("POST", "/suspend")]
    [InlineData("POST", "/resume")]
    public async Task Operation_UnknownInstance_Returns404(string method, string suffix)
    {
        await using var host = await StartAsync();

        using var response = await SendAsync(host, new HttpMethod(method), "/runtime/webhooks/durabletask/instances/no-such-instance" + suffix);

        AssertStatus(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Status_NoKey_Returns401()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.GetAsync("/runtime/webhooks/durabletask/instances/any", Ct);

        await HttpTriggerTests.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RaiseEvent_BodyNotJson_Returns400()
    {
        await using var host = await StartAsync();
        var links = await StartInstanceAsync(host);

        using var response = await SendAsync(host, HttpMethod.Post, links.Status + "/raiseEvent/approve", "{not json");

        AssertStatus(response, HttpStatusCode.BadRequest);
    }

    /// <summary>The extension answers errors with its own bodies (plain text or JSON messages), as under the Functions host.</summary>
    private static void AssertStatus(HttpResponseMessage response, HttpStatusCode expected) =>
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {expected}, got {response.StatusCode}");

    private static async Task<(string Status, string Id)> StartInstanceAsync(TestFunctionHost host)
    {
        using var response = await SendAsync(host, HttpMethod.Post, "/api/approvals");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (body.GetProperty("statusQueryGetUri").GetString()!, body.GetProperty("id").GetString()!);
    }

    private static async Task<JsonElement> PollUntilFinishedAsync(TestFunctionHost host, string statusUri)
    {
        JsonElement body = default;
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await SendAsync(host, HttpMethod.Get, statusUri);
            body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            return response.StatusCode == HttpStatusCode.OK;
        }, "the instance finishes (200)");
        return body;
    }

    private static async Task<JsonElement> PollUntilStatusAsync(TestFunctionHost host, string statusUri, string status)
    {
        JsonElement body = default;
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await SendAsync(host, HttpMethod.Get, statusUri);
            body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            return response.StatusCode == HttpStatusCode.Accepted && body.GetProperty("runtimeStatus").GetString() == status;
        }, $"the instance is {status} (202)");
        return body;
    }

    private static async Task<HttpResponseMessage> SendAsync(TestFunctionHost host, HttpMethod method, string uri, string? json = null)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Add("x-functions-key", TestFunctionHost.Key);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        return await host.Client.SendAsync(request, Ct);
    }

    /// <summary>A function host with the Durable extension on its own task hub, tuned for quick polling.</summary>
    private Task<TestFunctionHost> StartAsync() =>
        TestFunctionHost.StartAsync(azurite, [typeof(StarterFunctions)],
            new Dictionary<string, string?>
            {
                ["extensions:durableTask:hubName"] = "Mgmt" + AzuriteFixture.UniqueName("h")[1..13],
                ["extensions:durableTask:storageProvider:partitionCount"] = "2",
                ["extensions:durableTask:storageProvider:maxQueuePollingInterval"] = "00:00:00.100",
            });
}
