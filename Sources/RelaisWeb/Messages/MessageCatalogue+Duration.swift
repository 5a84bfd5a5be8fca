extension MessageCatalogue {
    /// A duration in words, rounded down to the minute: « moins d’une minute », « 1 minute »,
    /// « 1 heure et 1 minute », « 4 heures et 30 minutes ». Counts shown are never 0, so « one » is
    /// exactly 1 and « other » 2 or more in both French and English.
    public func duration(seconds: Int) -> String {
        let total = max(0, seconds)
        let hours = total / 3600
        let minutes = (total % 3600) / 60
        if hours == 0 && minutes == 0 { return self["duration.less_than_a_minute"] }
        let minuteText = minutes == 1 ? self["duration.minutes.one"] : format("duration.minutes.other", ["count": String(minutes)])
        if hours == 0 { return minuteText }
        let hourText = hours == 1 ? self["duration.hours.one"] : format("duration.hours.other", ["count": String(hours)])
        if minutes == 0 { return hourText }
        return format("duration.hours_and_minutes", ["hours": hourText, "minutes": minuteText])
    }
}
