namespace DataOps.Functions.Workflows;

/// <summary>The outcome words the workflows report.</summary>
public static class WorkflowOutcomes
{
    /// <summary>The dataset is READY.</summary>
    public const string Ready = "ready";

    /// <summary>The dataset FAILED.</summary>
    public const string Failed = "failed";

    /// <summary>Another dataset already holds the client/stage/type slot; nothing was created.</summary>
    public const string AlreadyActive = "already_active";

    /// <summary>The dataset was ARCHIVED.</summary>
    public const string Archived = "archived";

    /// <summary>The teardown safety rule refused the teardown.</summary>
    public const string Refused = "refused";

    /// <summary>The dataset's teardown was already running, started by another transition; that one finishes it.</summary>
    public const string AlreadyTearingDown = "already_tearing_down";
}
