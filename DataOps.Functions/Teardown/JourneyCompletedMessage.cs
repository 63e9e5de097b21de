using DataOps.Functions.Http;

namespace DataOps.Functions.Teardown;

/// <summary><c>JourneyCompleted</c>: the journey is over; all of its datasets are torn down.</summary>
internal sealed record JourneyCompletedMessage(MessageField JourneyId, MessageField ClientId, MessageField OccurredAt) : JourneyEventMessage
{
    /// <summary>The event's <c>type</c>.</summary>
    public const string JourneyCompleted = nameof(JourneyCompleted);

    /// <summary>The transition to start, or null with the errors recorded in <paramref name="validation"/>.</summary>
    public JourneyTransitionInput? ToTransition(RequestValidation validation, TimeSpan gracePeriod)
    {
        var (journeyId, clientId, occurredAt) = Common(JourneyId, ClientId, OccurredAt, validation);
        return validation.IsValid ? new JourneyTransitionInput(journeyId, clientId, null, null, true, occurredAt, gracePeriod) : null;
    }
}
