using DataOps.LocalHost.Hosting;
using DataOps.Tests.Hosting.Functions;
using DataOps.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace DataOps.Tests.Hosting;

public sealed class FunctionIndexingTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(typeof(UnknownBinding), "'Unknown', parameter 'mystery'", "unknown binding")]
    [InlineData(typeof(BadCron), "'BadCron', parameter 'timer'", "not a valid six-field cron expression")]
    [InlineData(typeof(NeverFires), "'NeverFires', parameter 'timer'", "never fires")]
    [InlineData(typeof(NotAzureFunctionsCron), "'NotAzureFunctionsCron', parameter 'timer'", "'L' is not part of an Azure Functions schedule")]
    [InlineData(typeof(BadRoute), "'BadRoute'", "not a valid route template")]
    [InlineData(typeof(TwoTriggers), "'TwoTriggers'", "more than one trigger (parameters 'request', 'text')")]
    [InlineData(typeof(NoTrigger), "'NoTrigger'", "has no trigger")]
    [InlineData(typeof(WrongTriggerType), "'WrongTriggerType', parameter 'request'", "needs a parameter of type HttpRequest")]
    [InlineData(typeof(MissingSetting), "'MissingSetting'", "setting '%Nowhere:Queue%', which is not configured")]
    [InlineData(typeof(BadQueueName), "'BadQueueName'", "queue name 'Bad_Queue' is invalid")]
    [InlineData(typeof(RouteValueMissing), "'RouteValueMissing', parameter 'id'", "unknown binding")]
    [InlineData(typeof(UserLevel), "'UserLevel'", "authorization level User is not supported")]
    public void Build_MalformedFunction_FailsNamingFunctionAndParameter(Type functions, string where, string what)
    {
        var builder = TestFunctionHost.CreateBuilder(azurite, [functions]);

        var error = Assert.Throws<FunctionIndexingException>(() => builder.Build());

        Assert.Contains(where, error.Message, StringComparison.Ordinal);
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SameNameInTwoClasses_FailsNamingBoth()
    {
        var builder = TestFunctionHost.CreateBuilder(azurite, [typeof(HttpTestFunctions), typeof(DuplicatePing)]);

        var error = Assert.Throws<FunctionIndexingException>(() => builder.Build());

        Assert.Contains("Function 'Ping' is declared twice", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(DuplicatePing), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TwoFunctionsOnSameRouteAndMethod_Fails()
    {
        var builder = TestFunctionHost.CreateBuilder(azurite, [typeof(SameRoute)]);

        var error = Assert.Throws<FunctionIndexingException>(() => builder.Build());

        Assert.Contains("both serve GET 'same'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_OrchestrationFunction_IsIndexed()
    {
        using var host = TestFunctionHost.CreateBuilder(azurite, [typeof(ApprovalFunction)]).Build();

        Assert.Equal(["Approval"], host.FunctionNames);
    }

    [Fact]
    public void Build_WellFormedFunctions_IndexesEveryName()
    {
        using var host = TestFunctionHost.CreateBuilder(azurite, [typeof(HttpTestFunctions), typeof(QueueTestFunctions)],
            new Dictionary<string, string?> { ["Test:OrderQueue"] = "orders", ["Test:FlakyQueue"] = "flaky" }).Build();

        Assert.Equal(["AdminOperation", "Boom", "Context", "Echo", "Flaky", "Orders", "Ping", "Slow", "Upload"], host.FunctionNames.Order());
    }

    private sealed class UnknownBinding
    {
        [Function("Unknown")]
        public static void Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request, string mystery) => _ = (request, mystery);
    }

    private sealed class BadCron
    {
        [Function(nameof(BadCron))]
        public static void Run([TimerTrigger("0 0 25 * * *")] TimerInfo timer) => _ = timer;
    }

    private sealed class NotAzureFunctionsCron
    {
        [Function(nameof(NotAzureFunctionsCron))]
        public static void Run([TimerTrigger("0 0 0 L * *")] TimerInfo timer) => _ = timer;
    }

    private sealed class NeverFires
    {
        [Function(nameof(NeverFires))]
        public static void Run([TimerTrigger("0 0 0 30 FEB *")] TimerInfo timer) => _ = timer;
    }

    private sealed class BadRoute
    {
        [Function(nameof(BadRoute))]
        public static void Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "items/{id")] HttpRequest request) => _ = request;
    }

    private sealed class TwoTriggers
    {
        [Function(nameof(TwoTriggers))]
        public static void Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request, [QueueTrigger("some-queue")] string text) =>
            _ = (request, text);
    }

    private sealed class NoTrigger
    {
        [Function(nameof(NoTrigger))]
        public static void Run(CancellationToken cancellationToken) => _ = cancellationToken;
    }

    private sealed class WrongTriggerType
    {
        [Function(nameof(WrongTriggerType))]
        public static void Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] string request) => _ = request;
    }

    private sealed class MissingSetting
    {
        [Function(nameof(MissingSetting))]
        public static void Run([QueueTrigger("%Nowhere:Queue%")] string text) => _ = text;
    }

    private sealed class BadQueueName
    {
        [Function(nameof(BadQueueName))]
        public static void Run([QueueTrigger("Bad_Queue")] string text) => _ = text;
    }

    private sealed class RouteValueMissing
    {
        [Function(nameof(RouteValueMissing))]
        public static void Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "items")] HttpRequest request, int id) => _ = (request, id);
    }

    private sealed class UserLevel
    {
        [Function(nameof(UserLevel))]
        public static void Run([HttpTrigger(AuthorizationLevel.User, "get")] HttpRequest request) => _ = request;
    }

    /// <summary>The orchestration function of <see cref="ApprovalOrchestrator"/>, as the Functions host would run it.</summary>
    private sealed class ApprovalFunction
    {
        [Function("Approval")]
        public static Task<ApprovalOrchestrator.Decision> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
            new ApprovalOrchestrator().RunAsync(context, context.GetInput<StarterFunctions.ApprovalRequest>()!);
    }

    private sealed class DuplicatePing
    {
        [Function("Ping")]
        public static void Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "other-ping")] HttpRequest request) => _ = request;
    }

    private sealed class SameRoute
    {
        [Function("First")]
        public static void First([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "same")] HttpRequest request) => _ = request;

        [Function("Second")]
        public static void Second([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "same")] HttpRequest request) => _ = request;
    }
}
