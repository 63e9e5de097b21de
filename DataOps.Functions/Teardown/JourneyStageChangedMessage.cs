using DataOps.Functions.Http;

namespace DataOps.Functions.Teardown;

/// <summary><c>JourneyStageChanged</c>: the journey moved from <c>fromStage</c> to <c>toStage</c>; the stage left behind is torn down.</summary>
internal sealed record JourneyStageChangedMessage(MessageField JourneyId, MessageField ClientId, MessageField FromStage, MessageField ToStage, MessageField OccurredAt)
    : JourneyEventMessage
{
    /// <summary>The event's <c>type</c>.</summary>
    public const string JourneyStageChanged = nameof(JourneyStageChanged);

    /// <summary>The transition to start, or null with the errors recorded in <paramref name="validation"/>.</summary>
    public JourneyTransitionInput? ToTransition(RequestValidation validation, TimeSpan gracePeriod)
    {
        var (journeyId, clientId, occurredAt) = Common(JourneyId, ClientId, OccurredAt, validation);
        var from = StageOf(FromStage, "fromStage", validation);
        var to = StageOf(ToStage, "toStage", validation);
        if (from is not null && from == to)
        {
            validation.Add("toStage", "must differ from fromStage");
        }

        return validation.IsValid ? new JourneyTransitionInput(journeyId, clientId, from, to, false, occurredAt, gracePeriod) : null;
    }
}
