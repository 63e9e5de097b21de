using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace DataOps.Tests.Hosting.Functions;

public sealed class HttpTestFunctions(InvocationRecorder recorder)
{
    [Function(nameof(Echo))]
    public async Task<IResult> Echo(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "items/{id}")] HttpRequest request,
        int id,
        CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        recorder.Record(nameof(Echo), id);
        return Results.Ok(new EchoResponse(id, body));
    }

    [Function(nameof(Ping))]
    public static IActionResult Ping([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "public/ping")] HttpRequest request)
    {
        _ = request;
        return new OkObjectResult(new { pong = true });
    }

    [Function(nameof(AdminOperation))]
    public static IResult AdminOperation([HttpTrigger(AuthorizationLevel.Admin, "get", Route = "admin/op")] HttpRequest request)
    {
        _ = request;
        return Results.Text("admin");
    }

    [Function(nameof(Boom))]
    public IResult Boom([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "boom")] HttpRequest request)
    {
        _ = request;
        recorder.Record(nameof(Boom));
        throw new InvalidOperationException("internal detail that must not leak");
    }

    [Function(nameof(Slow))]
    public static async Task<IResult> Slow([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "slow")] HttpRequest request, CancellationToken cancellationToken)
    {
        _ = request;
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        return Results.Ok();
    }

    [Function(nameof(Upload))]
    public static async Task<IResult> Upload([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "upload")] HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return Results.Ok(new { length = buffer.Length });
    }

    [Function(nameof(Context))]
    public static string Context([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request, FunctionContext context, ILogger logger)
    {
        _ = request;
        logger.LogInformation("context function ran");
        return $"{context.FunctionDefinition.Name}:{context.InvocationId.Length}";
    }

    public sealed record EchoResponse(int Id, string Body);
}
