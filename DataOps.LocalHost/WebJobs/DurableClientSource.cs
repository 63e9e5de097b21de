using System.Text.Json;
using Grpc.Net.Client;
using Microsoft.Azure.WebJobs;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Converters;

namespace DataOps.LocalHost.WebJobs;

/// <summary>
/// The client <c>[DurableClient]</c> parameters get: the SDK's <see cref="GrpcDurableTaskClient"/> on the Durable
/// extension's gRPC endpoint, built from the binding payload the extension gives a <c>[DurableClient]</c> function
/// (its <c>rpcBaseUrl</c>), as the isolated worker's Durable extension builds it. Read once when the host starts.
/// </summary>
internal sealed class DurableClientSource(IJobHost jobHost, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private string? _payload;
    private GrpcChannel? _channel;
    private GrpcDurableTaskClient? _client;

    public DurableTaskClient Client => _client ?? throw new InvalidOperationException("The Durable client is available once the host has started.");

    public void Receive(string payload) => _payload = payload;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await jobHost.CallAsync(FunctionSetEmitter.DurableClientFunction, arguments: null, cancellationToken);
        using var payload = JsonDocument.Parse(_payload ?? throw new InvalidOperationException("The Durable extension gave no client payload."));
        var taskHub = payload.RootElement.GetProperty("taskHubName").GetString();
        var endpoint = payload.RootElement.GetProperty("rpcBaseUrl").GetString()
            ?? throw new InvalidOperationException("The Durable extension's client payload has no rpcBaseUrl.");
        _channel = GrpcChannel.ForAddress(endpoint);
        _client = new GrpcDurableTaskClient(
            taskHub ?? "default",
            new GrpcDurableTaskClientOptions { Channel = _channel, DataConverter = new JsonDataConverter(FunctionBridge.Json) },
            loggers.CreateLogger<GrpcDurableTaskClient>());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        _channel?.Dispose();
    }
}
