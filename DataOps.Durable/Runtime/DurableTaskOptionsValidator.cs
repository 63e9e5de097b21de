using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace DataOps.Durable.Runtime;

/// <summary>Rejects task hub settings that would produce illegal storage names or a stuck worker.</summary>
internal sealed partial class DurableTaskOptionsValidator : IValidateOptions<DurableTaskOptions>
{
    public ValidateOptionsResult Validate(string? name, DurableTaskOptions options)
    {
        var errors = new List<string>();
        if (!HubNamePattern().IsMatch(options.HubName ?? string.Empty))
        {
            errors.Add($"HubName '{options.HubName}' must be 3-45 letters or digits starting with a letter.");
        }

        var storage = options.StorageProvider;
        Check(errors, storage.PartitionCount is >= 1 and <= 16, "StorageProvider.PartitionCount must be between 1 and 16.");
        Check(errors, storage.LeaseDuration >= TimeSpan.FromSeconds(15) && storage.LeaseDuration <= TimeSpan.FromSeconds(60),
            "StorageProvider.LeaseDuration must be between 15 and 60 seconds.");
        Check(errors, storage.LeaseRenewInterval > TimeSpan.Zero && storage.LeaseRenewInterval < storage.LeaseDuration,
            "StorageProvider.LeaseRenewInterval must be positive and shorter than LeaseDuration.");
        Check(errors, storage.TimerPollHorizon > TimeSpan.Zero && storage.TimerPollHorizon <= TimeSpan.FromDays(6),
            "StorageProvider.TimerPollHorizon must be positive and at most 6 days.");
        Check(errors, storage.MaxQueuePollingInterval > TimeSpan.Zero, "StorageProvider.MaxQueuePollingInterval must be positive.");
        Check(errors, storage.ControlQueueBatchSize is >= 1 and <= 32, "StorageProvider.ControlQueueBatchSize must be between 1 and 32.");
        Check(errors, storage.LargeMessageThresholdBytes is >= 1024 and <= 48 * 1024,
            "StorageProvider.LargeMessageThresholdBytes must be between 1024 and 49152.");
        Check(errors, options.MaxConcurrentActivityFunctions >= 1, "MaxConcurrentActivityFunctions must be at least 1.");
        Check(errors, options.MaxConcurrentOrchestratorFunctions >= 1, "MaxConcurrentOrchestratorFunctions must be at least 1.");
        Check(errors, options.MaxDequeueCount >= 1, "MaxDequeueCount must be at least 1.");
        Check(errors, options.MaxPayloadBytes >= 1024, "MaxPayloadBytes must be at least 1024.");
        Check(errors, !string.IsNullOrWhiteSpace(options.ConnectionString), "ConnectionString (AzureWebJobsStorage) must be set.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(List<string> errors, bool condition, string message)
    {
        if (!condition)
        {
            errors.Add(message);
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex HubNamePattern();
}
