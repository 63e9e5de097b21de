using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataOps.Tests.Hosting.Functions;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Hosting;

public sealed class HttpTriggerTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_RouteWithValue_BindsRouteValueAndBody()
    {
        await using var host = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/items/42") { Content = new StringContent("hello") };
        request.Headers.Add("x-functions-key", TestFunctionHost.Key);

        using var response = await host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<HttpTestFunctions.EchoResponse>(Ct);
        Assert.Equal(new HttpTestFunctions.EchoResponse(42, "hello"), body);
    }

    [Fact]
    public async Task Post_RouteValueNotAnInteger_Returns400ProblemNamingIt()
    {
        await using var host = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/items/abc?code=" + TestFunctionHost.Key);

        using var response = await host.Client.SendAsync(request, Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("'id'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, host.Recorder.Count(nameof(HttpTestFunctions.Echo)));
    }

    [Fact]
    public async Task Get_ActionResultFunction_WritesJson()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.GetAsync("/api/public/ping", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"pong\":true}", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Get_DefaultRoute_IsFunctionNameAndBindsContextAndLogger()
    {
        await using var host = await StartAsync();

        var text = await host.Client.GetStringAsync("/api/Context", Ct);

        Assert.Equal("Context:32", text);
    }

    [Theory]
    [InlineData("GET", "/api/items/1", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/api/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("GET", "/public/ping", HttpStatusCode.NotFound)]
    public async Task Request_NoMatchingFunction_ReturnsStatus(string method, string path, HttpStatusCode expected)
    {
        await using var host = await StartAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await host.Client.SendAsync(request, Ct);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Get_CustomRoutePrefix_ServesUnderIt()
    {
        await using var host = await StartAsync(new() { ["extensions:http:routePrefix"] = "v2" });

        using var prefixed = await host.Client.GetAsync("/v2/public/ping", Ct);
        using var old = await host.Client.GetAsync("/api/public/ping", Ct);

        Assert.Equal(HttpStatusCode.OK, prefixed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }

    [Fact]
    public async Task Get_FunctionThrows_Returns500WithCorrelationIdAndNoDetail()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.GetAsync("/api/boom", Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.InternalServerError);
        var raw = problem.GetRawText();
        Assert.Matches("^[0-9a-f]{32}$", problem.GetProperty("correlationId").GetString());
        Assert.DoesNotContain("must not leak", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("at DataOps", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_FunctionExceedsTimeout_Returns500TimedOut()
    {
        await using var host = await StartAsync(new() { ["functionTimeout"] = "00:00:00.300" });

        using var response = await host.Client.GetAsync("/api/slow", Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Equal("The function timed out", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Post_BodyOverLimit_Returns413Problem()
    {
        await using var host = await StartAsync(new() { ["extensions:http:maxRequestBodySize"] = "1024" });

        using var small = await host.Client.PostAsync("/api/upload", new ByteArrayContent(new byte[1024]), Ct);
        using var large = await host.Client.PostAsync("/api/upload", new ByteArrayContent(new byte[1025]), Ct);

        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        await AssertProblemAsync(large, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_Returns413Problem()
    {
        await using var host = await StartAsync(new() { ["extensions:http:maxRequestBodySize"] = "1024" });
        var content = new StreamContent(new MemoryStream(new byte[4096]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/upload") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await host.Client.SendAsync(request, Ct);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Post_BodyOverLimit_413SaysConnectionCloses_SoTheClientsNextRequestsSucceed()
    {
        await using var host = await StartAsync(new() { ["extensions:http:maxRequestBodySize"] = "1024" });

        // The unread body makes the server drop the connection after the 413; a client that was not told so
        // would send its next request on it and see the response end prematurely.
        for (var i = 0; i < 5; i++)
        {
            using var large = await host.Client.PostAsync("/api/upload", new ByteArrayContent(new byte[4096]), Ct);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
            Assert.True(large.Headers.ConnectionClose, "the 413 says the connection closes");
            using var next = await host.Client.PostAsync("/api/upload", new ByteArrayContent(new byte[16]), Ct);
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        }
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_413SaysConnectionCloses()
    {
        await using var host = await StartAsync(new() { ["extensions:http:maxRequestBodySize"] = "1024" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/upload") { Content = new StreamContent(new MemoryStream(new byte[2048])) };
        request.Headers.TransferEncodingChunked = true;

        using var response = await host.Client.SendAsync(request, Ct);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.True(response.Headers.ConnectionClose, "the 413 says the connection closes");
    }

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private Task<TestFunctionHost> StartAsync(Dictionary<string, string?>? settings = null) =>
        TestFunctionHost.StartAsync(azurite, [typeof(HttpTestFunctions)], settings);
}
