/// The default templates and assets, carried by the binary so that a site without a
/// templates/ folder still builds and `samrad init` can copy them out.
///
/// The files are in `Templates/` beside this file and SwiftPM embeds them in code
/// (`resources: [.embedInCode("Templates")]` in Package.swift): one self-contained binary,
/// no resource bundle to ship beside it. SwiftPM names each `PackageResources` member after
/// the file's base name (a leading digit becomes `_`), so this table gives each its path;
/// a test checks that it lists every file in the folder.
public enum DefaultTemplates {
    /// Keys are paths relative to `Templates/` ("partials/tags.mustache"); values UTF-8 text.
    public static let files: [String: String] = embedded.mapValues { String(decoding: $0, as: UTF8.self) }

    static let embedded: [String: [UInt8]] = [
        "404.mustache": PackageResources._04_mustache,
        "accessibility.mustache": PackageResources.accessibility_mustache,
        "appendix.mustache": PackageResources.appendix_mustache,
        "assets/filters.js": PackageResources.filters_js,
        "assets/search.js": PackageResources.search_js,
        "assets/style.css": PackageResources.style_css,
        "base.mustache": PackageResources.base_mustache,
        "data.mustache": PackageResources.data_mustache,
        "ideas.mustache": PackageResources.ideas_mustache,
        "index.mustache": PackageResources.index_mustache,
        "meeting.mustache": PackageResources.meeting_mustache,
        "meetings.mustache": PackageResources.meetings_mustache,
        "organization.mustache": PackageResources.organization_mustache,
        "organizations.mustache": PackageResources.organizations_mustache,
        "page.mustache": PackageResources.page_mustache,
        "partials/block.mustache": PackageResources.block_mustache,
        "partials/blocks.mustache": PackageResources.blocks_mustache,
        "partials/bank-point.mustache": PackageResources.bank_point_mustache,
        "partials/bank-question.mustache": PackageResources.bank_question_mustache,
        "partials/board-category.mustache": PackageResources.board_category_mustache,
        "partials/board.mustache": PackageResources.board_mustache,
        "partials/excerpt.mustache": PackageResources.excerpt_mustache,
        "partials/idea-card.mustache": PackageResources.idea_card_mustache,
        "partials/idea-group.mustache": PackageResources.idea_group_mustache,
        "partials/idea-run.mustache": PackageResources.idea_run_mustache,
        "partials/meeting-card.mustache": PackageResources.meeting_card_mustache,
        "partials/meeting-line.mustache": PackageResources.meeting_line_mustache,
        "partials/pagination.mustache": PackageResources.pagination_mustache,
        "partials/footer-link.mustache": PackageResources.footer_link_mustache,
        "partials/nav-link.mustache": PackageResources.nav_link_mustache,
        "partials/participant.mustache": PackageResources.participant_mustache,
        "partials/point-link.mustache": PackageResources.point_link_mustache,
        "partials/postit.mustache": PackageResources.postit_mustache,
        "partials/prompt.mustache": PackageResources.prompt_mustache,
        "partials/postit-tags.mustache": PackageResources.postit_tags_mustache,
        "partials/question-group.mustache": PackageResources.question_group_mustache,
        "partials/question-line.mustache": PackageResources.question_line_mustache,
        "partials/question.mustache": PackageResources.question_mustache,
        "partials/summary.mustache": PackageResources.summary_mustache,
        "partials/summary-point.mustache": PackageResources.summary_point_mustache,
        "partials/tags.mustache": PackageResources.tags_mustache,
        "partials/theme-list-link.mustache": PackageResources.theme_list_link_mustache,
        "partials/toc-entry.mustache": PackageResources.toc_entry_mustache,
        "questions.mustache": PackageResources.questions_mustache,
        "search.mustache": PackageResources.search_mustache,
        "theme.mustache": PackageResources.theme_mustache,
        "theme-excerpts.mustache": PackageResources.theme_excerpts_mustache,
        "theme-meetings.mustache": PackageResources.theme_meetings_mustache,
        "theme-questions.mustache": PackageResources.theme_questions_mustache,
        "themes.mustache": PackageResources.themes_mustache,
    ]
}
