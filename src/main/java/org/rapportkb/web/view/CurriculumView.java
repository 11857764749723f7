package org.rapportkb.web.view;

import java.util.List;

/** The whole course: every module in order with its articles. */
public record CurriculumView(Page page, List<Module> modules, int total) {}
