using DataOps.Domain.Datasets;

namespace DataOps.Domain.Registry;

/// <summary>
/// Teardown safety rule (Decisions table): teardown is refused while the journey is active in the dataset's own
/// stage, unless the reason is <see cref="TeardownReason.Manual"/> with force. <c>force</c> has no effect with other
/// reasons: only a person may override. Archived datasets cannot be torn down; datasets still provisioning or
/// validating must reach READY or FAILED first (the lifecycle has no way from there to teardown).
/// </summary>
public static class TeardownSafety
{
    /// <summary>Whether the dataset may be torn down now, with the reason.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="journey">Its journey's state; null when unknown (nothing to protect).</param>
    /// <param name="reason">Why teardown is asked for.</param>
    /// <param name="force">Override for manual requests.</param>
    public static RegistryCheck Check(Dataset dataset, JourneyState? journey, TeardownReason reason, bool force)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (journey is not null && journey.JourneyId != dataset.JourneyId)
        {
            throw new ArgumentException($"Journey {journey.JourneyId.Value} is not dataset {dataset.Id.Value}'s journey.", nameof(journey));
        }

        switch (dataset.Status)
        {
            case DatasetStatus.Archived:
                return RegistryCheck.Refuse($"dataset {dataset.Id.Value} is already archived");
            case DatasetStatus.Teardown:
                return RegistryCheck.Allow($"dataset {dataset.Id.Value} is already in teardown");
            case DatasetStatus.Provisioning or DatasetStatus.Validating:
                return RegistryCheck.Refuse($"dataset {dataset.Id.Value} is still {dataset.Status.ToWireName()}; it can be torn down once ready or failed");
            default:
                break;
        }

        if (journey is not null && journey.IsActiveIn(dataset.Stage))
        {
            return reason == TeardownReason.Manual && force
                ? RegistryCheck.Allow($"forced manual teardown while journey {journey.JourneyId.Value} is active in {dataset.Stage.ToWireName()}")
                : RegistryCheck.Refuse($"journey {journey.JourneyId.Value} is active in {dataset.Stage.ToWireName()}; only a manual teardown with force may proceed");
        }

        return RegistryCheck.Allow(journey is null
            ? $"journey {dataset.JourneyId.Value} is unknown"
            : $"journey {journey.JourneyId.Value} is not active in {dataset.Stage.ToWireName()}");
    }

    /// <summary>Throws <see cref="RegistryInvariantException"/> when <see cref="Check"/> refuses.</summary>
    public static void EnsureAllowed(Dataset dataset, JourneyState? journey, TeardownReason reason, bool force)
    {
        var check = Check(dataset, journey, reason, force);
        if (!check.Allowed)
        {
            throw new RegistryInvariantException(check.Reason);
        }
    }
}
