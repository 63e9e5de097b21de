using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Storage.Queues.Models;
using DataOps.LocalHost.Hosting;
using DataOps.LocalHost.Hosting.Indexing;
using DataOps.LocalHost.Hosting.Invocation;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DataOps.LocalHost.WebJobs;

/// <summary>
/// Turns a WebJobs invocation into the app's <c>[Function]</c> call, as the isolated worker does under the Functions
/// host: an orchestration episode runs through the SDK's <see cref="GrpcOrchestrationRunner"/> (encoded request in,
/// encoded response out), an activity gets its JSON input bound to its parameter and answers JSON, a queue function gets
/// the message the Storage Queues extension received. Failures propagate: the extensions record and retry them.
/// </summary>
internal sealed class FunctionBridge : IDisposable
{
    private readonly IServiceProvider _services;
    private readonly Dictionary<string, IndexedFunction> _functions;
    private readonly ExtendedSessionsCache _sessions = new();
    private readonly ConcurrentDictionary<string, long> _invocations = new(StringComparer.OrdinalIgnoreCase);

    private readonly WorkflowTelemetry _telemetry;

    public FunctionBridge(IServiceProvider services, IReadOnlyList<IndexedFunction> functions, WorkflowTelemetry telemetry)
    {
        _services = services;
        _telemetry = telemetry;
        _functions = functions.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>How orchestration and activity payloads are written: JSON with web defaults, as the isolated worker writes them.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>How often each function has been invoked through the bridge (orchestrations once per episode).</summary>
    public IReadOnlyDictionary<string, long> Invocations => _invocations;

    public string RunOrchestration(string name, string request)
    {
        Count(name);
        return _telemetry.Episode(name, () =>
            GrpcOrchestrationRunner.LoadAndRun(request, new FunctionOrchestrator(_functions[name], _services, Json), _sessions, _services));
    }

    public Task<JToken> RunActivityAsync(string name, string? input, string instanceId)
    {
        Count(name);
        return _telemetry.ActivityAsync(name, instanceId, () => RunActivityCoreAsync(name, input, instanceId));
    }

    private async Task<JToken> RunActivityCoreAsync(string name, string? input, string instanceId)
    {
        var function = _functions[name];
        await using var scope = new InvocationScope(_services, function, CancellationToken.None);
        scope.Context.SetBindingData(new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["instanceId"] = instanceId });
        var data = new InvocationData(scope.Context) { ActivityInput = input };
        object? result;
        try
        {
            result = await FunctionInvoker.InvokeAsync(function, data, FunctionInvoker.BindArguments(function, data));
        }
        catch (Exception ex)
        {
            throw new FunctionFailedException(ex);
        }

        // Written as it is (dates and numbers untouched), so the orchestration reads exactly what the activity returned.
        using var reader = new JsonTextReader(new StringReader(System.Text.Json.JsonSerializer.Serialize(result, Json)))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        return JToken.ReadFrom(reader);
    }

    public void Dispose() => _sessions.Dispose();

    private void Count(string name) => _invocations.AddOrUpdate(name, 1, (_, count) => count + 1);

    public async Task RunQueueAsync(string name, QueueMessage message, CancellationToken cancellationToken)
    {
        Count(name);
        var function = _functions[name];
        await using var scope = new InvocationScope(_services, function, cancellationToken);
        scope.Context.SetBindingData(new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["QueueTrigger"] = message.MessageText,
            ["DequeueCount"] = message.DequeueCount,
            ["Id"] = message.MessageId,
            ["PopReceipt"] = message.PopReceipt,
            ["InsertionTime"] = message.InsertedOn,
            ["ExpirationTime"] = message.ExpiresOn,
            ["NextVisibleTime"] = message.NextVisibleOn,
        });
        var data = new InvocationData(scope.Context) { QueueMessage = message };
        object?[] arguments;
        try
        {
            arguments = FunctionInvoker.BindArguments(function, data);
        }
        catch (ParameterBindingException ex)
        {
            // A message that cannot be bound never will be: it goes to the poison queue at once instead of being retried
            // maxDequeueCount times; the extension then deletes it as handled.
            await PoisonAsync((QueueTriggerDefinition)function.Trigger, message, ex.Message);
            return;
        }

        try
        {
            await FunctionInvoker.InvokeAsync(function, data, arguments);
        }
        catch (FormatException ex)
        {
            // The function read the message and found it malformed: retrying would only delay the poison queue.
            await PoisonAsync((QueueTriggerDefinition)function.Trigger, message, ex.Message);
        }
    }

    private async Task PoisonAsync(QueueTriggerDefinition trigger, QueueMessage message, string reason)
    {
        var poison = _services.GetRequiredService<StorageClients>().Queues(trigger.ConnectionName).GetQueueClient(trigger.QueueName + "-poison");
        await poison.CreateIfNotExistsAsync();
        var base64 = !string.Equals(_services.GetRequiredService<IConfiguration>()["extensions:queues:messageEncoding"], "none", StringComparison.OrdinalIgnoreCase);
        // The message's own bytes, as the extension copies a message it poisons: its text is decoded, and a body that is
        // not UTF-8 would not survive a round trip through it.
        await poison.SendMessageAsync(base64 ? Convert.ToBase64String(message.Body.ToMemory().Span) : message.Body.ToString());
        _services.GetRequiredService<ILoggerFactory>().CreateLogger<FunctionBridge>().LogError(
            "Message {MessageId} of queue {Queue} moved to {PoisonQueue}: {Reason}", message.MessageId, trigger.QueueName, poison.Name, reason);
    }
}
