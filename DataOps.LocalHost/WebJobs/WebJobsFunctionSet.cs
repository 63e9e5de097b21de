using Azure.Storage.Queues.Models;
using Newtonsoft.Json.Linq;

namespace DataOps.LocalHost.WebJobs;

/// <summary>
/// The base of the WebJobs function class <see cref="FunctionSetEmitter"/> generates from the app's functions: one
/// WebJobs method per orchestration, activity and queue function, each handing its trigger value to the
/// <see cref="FunctionBridge"/>. Public only because the generated class lives in an assembly of its own.
/// </summary>
/// <param name="services">The invocation's services (WebJobs creates the class per invocation).</param>
public abstract class WebJobsFunctionSet(IServiceProvider services)
{
    /// <summary>Runs one episode of the orchestration function <paramref name="name"/>.</summary>
    /// <param name="name">The function name.</param>
    /// <param name="request">The extension's base64 <c>OrchestratorRequest</c>.</param>
    /// <returns>The base64 <c>OrchestratorResponse</c>.</returns>
    protected string RunOrchestration(string name, string request) => Bridge.RunOrchestration(name, request);

    /// <summary>Runs the activity function <paramref name="name"/> on its JSON input.</summary>
    /// <param name="name">The function name.</param>
    /// <param name="input">The activity's input as JSON.</param>
    /// <param name="instanceId">The calling orchestration's instance id.</param>
    /// <returns>The activity's output as JSON.</returns>
    protected Task<JToken> RunActivityAsync(string name, string input, string instanceId) => Bridge.RunActivityAsync(name, input, instanceId);

    /// <summary>Runs the queue function <paramref name="name"/> on one message.</summary>
    /// <param name="name">The function name.</param>
    /// <param name="message">The message, its text decoded.</param>
    /// <param name="cancellationToken">Cancelled when the host stops.</param>
    /// <returns>A task that completes when the function has run.</returns>
    protected Task RunQueueAsync(string name, QueueMessage message, CancellationToken cancellationToken) =>
        Bridge.RunQueueAsync(name, message, cancellationToken);

    /// <summary>Receives the <c>[DurableClient]</c> binding payload the extension gives a function.</summary>
    /// <param name="name">The function name.</param>
    /// <param name="payload">The payload (JSON with <c>rpcBaseUrl</c>).</param>
    protected void ReceiveDurableClient(string name, string payload) => services.GetRequiredService<DurableClientSource>().Receive(payload);

    private FunctionBridge Bridge => services.GetRequiredService<FunctionBridge>();
}
