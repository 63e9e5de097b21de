using System.Text;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DataOps.LocalHost.Hosting.Management;

/// <summary>The management operations on one instance, with Durable Functions status codes.</summary>
internal static class InstanceEndpoints
{
    public static async Task<IResult> GetStatusAsync(HttpContext http, DurableTaskClient client)
    {
        var id = InstanceId(http);
        var showInput = !string.Equals(http.Request.Query["showInput"], "false", StringComparison.OrdinalIgnoreCase);
        var metadata = await client.GetInstanceAsync(id, getInputsAndOutputs: true, http.RequestAborted);
        if (metadata is null)
        {
            return NotFound(http, id);
        }

        var body = InstanceStatus.From(metadata, showInput);
        if (metadata.IsCompleted)
        {
            return Results.Json(body, ManagementJson.Options, statusCode: StatusCodes.Status200OK);
        }

        var location = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{http.Request.Path}";
        return new AcceptedWithLocation(location, Results.Json(body, ManagementJson.Options, statusCode: StatusCodes.Status202Accepted));
    }

    public static async Task<IResult> RaiseEventAsync(HttpContext http, DurableTaskClient client)
    {
        var id = InstanceId(http);
        var eventName = (string)http.Request.RouteValues["eventName"]!;
        var payload = await ReadJsonBodyAsync(http);
        return await WhenRunningAsync(http, client, id, () => client.RaiseEventAsync(id, eventName, payload, http.RequestAborted));
    }

    public static Task<IResult> TerminateAsync(HttpContext http, DurableTaskClient client)
    {
        var id = InstanceId(http);
        return WhenRunningAsync(http, client, id, () => client.TerminateInstanceAsync(id, Reason(http), http.RequestAborted));
    }

    public static Task<IResult> SuspendAsync(HttpContext http, DurableTaskClient client)
    {
        var id = InstanceId(http);
        return WhenRunningAsync(http, client, id, () => client.SuspendInstanceAsync(id, Reason(http), http.RequestAborted));
    }

    public static Task<IResult> ResumeAsync(HttpContext http, DurableTaskClient client)
    {
        var id = InstanceId(http);
        return WhenRunningAsync(http, client, id, () => client.ResumeInstanceAsync(id, Reason(http), http.RequestAborted));
    }

    public static async Task<IResult> PurgeAsync(HttpContext http, DurableTaskClient client)
    {
        var id = InstanceId(http);
        var metadata = await client.GetInstanceAsync(id, cancellation: http.RequestAborted);
        if (metadata is null)
        {
            return NotFound(http, id);
        }

        if (!metadata.IsCompleted)
        {
            return DurableManagementApi.Problem(http, StatusCodes.Status409Conflict, "Instance still running",
                $"Instance '{id}' is {metadata.RuntimeStatus}; terminate it before purging.");
        }

        var result = await client.PurgeInstanceAsync(id, http.RequestAborted);
        return result.PurgedInstanceCount == 0
            ? NotFound(http, id)
            : Results.Json(new { instancesDeleted = result.PurgedInstanceCount }, ManagementJson.Options);
    }

    public static async Task<IResult> StartAsync(HttpContext http, DurableTaskClient client)
    {
        var name = (string)http.Request.RouteValues["functionName"]!;
        var requestedId = http.Request.RouteValues["instanceId"] as string;
        if (requestedId is not null)
        {
            ManagementInstanceIds.Validate(requestedId);
        }

        var catalog = http.RequestServices.GetRequiredService<IOrchestratorCatalog>();
        if (!catalog.TryGetInputType(name, out var inputType))
        {
#pragma warning disable CA2208 // The bad argument is the route's {functionName}, not a parameter of this method.
            throw new ArgumentException(
                $"Unknown orchestrator '{name}'. Registered orchestrators: {string.Join(", ", catalog.OrchestratorNames.Order(StringComparer.Ordinal))}.", "functionName");
#pragma warning restore CA2208
        }

        var body = await ReadJsonBodyAsync(http);
        var converter = http.RequestServices.GetRequiredService<DataConverter>();
        var input = ReadInput(converter, body, inputType);
        var options = requestedId is null ? null : new StartOrchestrationOptions(requestedId);
        var id = await client.ScheduleNewOrchestrationInstanceAsync(new TaskName(name), input, options, http.RequestAborted);
        var links = ManagementLinks.For(http.Request, id);
        return TypedResults.Accepted(links.StatusQueryGetUri, links);
    }

    // The body is read as the orchestrator's input type, and written back once, so an input the orchestrator cannot
    // read, or that cannot be stored, is refused here instead of failing the instance later.
    private static object? ReadInput(DataConverter converter, JsonElement? body, Type inputType)
    {
        if (body is not { } json)
        {
            return null;
        }

        object? input;
        try
        {
            input = converter.Deserialize(json.GetRawText(), inputType);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new ArgumentException($"The input cannot be read as {inputType.Name}: {ex.Message}", nameof(body), ex);
        }

        try
        {
            converter.Serialize(input);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or EncoderFallbackException)
        {
            throw new ArgumentException($"The input cannot be serialized: {ex.Message}", nameof(body), ex);
        }

        return input;
    }

    private static async Task<IResult> WhenRunningAsync(HttpContext http, DurableTaskClient client, string id, Func<Task> action)
    {
        var metadata = await client.GetInstanceAsync(id, cancellation: http.RequestAborted);
        if (metadata is null)
        {
            return NotFound(http, id);
        }

        if (metadata.IsCompleted)
        {
            return DurableManagementApi.Problem(http, StatusCodes.Status410Gone, "Instance finished",
                $"Instance '{id}' is {metadata.RuntimeStatus} and accepts no more operations.");
        }

        await action();
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    private static async Task<JsonElement?> ReadJsonBodyAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        return string.IsNullOrWhiteSpace(text) ? null : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string InstanceId(HttpContext http)
    {
        var id = (string)http.Request.RouteValues["instanceId"]!;
        ManagementInstanceIds.Validate(id);
        return id;
    }

    private static string? Reason(HttpContext http) => http.Request.Query["reason"].FirstOrDefault();

    private static IResult NotFound(HttpContext http, string id) =>
        DurableManagementApi.Problem(http, StatusCodes.Status404NotFound, "Instance not found", $"No orchestration instance has id '{id}'.");
}
