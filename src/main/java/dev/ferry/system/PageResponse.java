package dev.ferry.system;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * One page of a list as the API returns it: {@code {"content": [...], "page": {...}}}.
 */
public record PageResponse<T>(List<T> content, PageMetadata page) {

	public static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> mapper) {
		return new PageResponse<>(page.getContent().stream().map(mapper).toList(),
				new PageMetadata(page.getSize(), page.getNumber(), page.getTotalElements(), page.getTotalPages()));
	}

	/** Where the page sits in the whole list. */
	public record PageMetadata(int size, int number, long totalElements, int totalPages) {
	}

}
