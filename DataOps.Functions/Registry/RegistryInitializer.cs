using Azure;

namespace DataOps.Functions.Registry;

/// <summary>
/// Creates the registry's tables and the events queue when the host starts, before it reports started, as the trigger
/// host creates its queues and the task hub its tables. So requests only ever read them: a lookup of an unknown
/// dataset finds nothing and changes nothing. When storage cannot be reached yet, the failure is logged and the first
/// use creates them.
/// </summary>
internal sealed partial class RegistryInitializer(RegistryTables tables, ILogger<RegistryInitializer> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await tables.EnsureCreatedAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
        {
            LogCreateFailed(logger, ex);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Creating the registry tables at start-up failed; their first use retries")]
    private static partial void LogCreateFailed(ILogger logger, Exception exception);
}
